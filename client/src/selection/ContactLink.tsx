/** A contact as a mailto: or tel: link; what the person typed is shown as text, never as markup. */
export function ContactLink({ contact }: { contact: string }) {
  if (contact.includes('@')) return <a href={`mailto:${contact}`}>{contact}</a>
  const digits = contact.normalize('NFKC').replace(/[^0-9+]/g, '')
  return digits.length >= 8 ? <a href={`tel:${digits}`}>{contact}</a> : contact
}
