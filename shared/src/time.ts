/** The time zone the public pages and calendar texts speak in. */
export const DISPLAY_TIME_ZONE = 'Asia/Tokyo'
