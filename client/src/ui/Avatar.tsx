import './ui.css'

/** A round initial in the person's colour; the name is for the accessible label. */
export function Avatar({ name, color, size = 28 }: { name: string; color: string; size?: number }) {
  const initial = [...name.trim()][0] ?? '?'
  return (
    <span
      className="avatar"
      style={{ backgroundColor: color, width: size, height: size, fontSize: size * 0.46 }}
      title={name}
      aria-hidden="true"
    >
      {initial.toUpperCase()}
    </span>
  )
}
