import * as Y from 'yjs'

/**
 * A plain text the sheet's schema accepts, for tests that type tokens: the text of the first paragraph
 * of section `key`, made on first use. Clients that type concurrently must let one of them make it and
 * sync before the others use it (two clients making it at once get a paragraph each).
 */
export function notesText(doc: Y.Doc, key = 'why'): Y.XmlText {
  const fragment = doc.getXmlFragment(key)
  const first = fragment.get(0)
  if (first instanceof Y.XmlElement && first.get(0) instanceof Y.XmlText)
    return first.get(0) as Y.XmlText
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  fragment.insert(0, [paragraph])
  return text
}
