// A generated cover for titles without an uploaded one: the title and first author on a colour
// derived from the id, so shelves look like shelves without fetching anything from the internet.

const PALETTE = ["#17563f", "#7a2e2e", "#1e3a5f", "#5b3a7a", "#7a5a1e", "#2f4f4f", "#8a3b12", "#3d5a1e", "#4a2c40", "#1f4e5f"];

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Breaks text into at most `maxLines` lines of about `width` characters. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1].slice(0, width - 1)}…`;
  }
  return lines;
}

export function coverSvg(id: number, title: string, author: string): string {
  const background = PALETTE[id % PALETTE.length];
  const titleLines = wrap(title, 16, 5);
  const authorLines = wrap(author, 22, 2);
  const titleText = titleLines.map((l, i) => `<tspan x="20" dy="${i === 0 ? 0 : 30}">${escapeXml(l)}</tspan>`).join("");
  const authorText = authorLines.map((l, i) => `<tspan x="20" dy="${i === 0 ? 0 : 20}">${escapeXml(l)}</tspan>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 360" width="240" height="360" role="img" aria-label="${escapeXml(title)}">
<rect width="240" height="360" fill="${background}"/>
<rect x="10" y="10" width="220" height="340" fill="none" stroke="#fbfaf7" stroke-opacity="0.5" stroke-width="2"/>
<text x="20" y="70" font-family="Georgia, serif" font-size="24" font-weight="bold" fill="#fbfaf7">${titleText}</text>
<text x="20" y="${320 - (authorLines.length - 1) * 20}" font-family="system-ui, sans-serif" font-size="16" fill="#fbfaf7" fill-opacity="0.9">${authorText}</text>
</svg>`;
}
