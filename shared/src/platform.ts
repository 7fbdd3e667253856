/**
 * The one platform global `shared/` uses. Node and browsers both provide the WHATWG URL class; it is
 * declared here (only what shared/ reads) so this part compiles with neither DOM nor Node types.
 */
declare global {
  class URL {
    constructor(url: string, base?: string)
    readonly protocol: string
    readonly hostname: string
    readonly href: string
  }
}

export {}
