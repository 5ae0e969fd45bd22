/**
 * Just enough XML to read a Tiled tileset (.tsx): elements and their
 * attributes, no text content, no DTDs. Tiled writes plain, well-formed XML, so
 * anything this reader does not understand is reported rather than guessed at.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const MAX_DEPTH = 16;

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The document's root element, or a sentence saying why the text is not XML this reader handles. */
export function parseXml(text: string): XmlElement | string {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/g;
  let at = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (text.slice(at, m.index).includes("<")) return "malformed XML";
    at = tag.lastIndex;
    if (m[2] === undefined) continue; // declaration, comment, CDATA, doctype
    const top = stack[stack.length - 1];
    if (m[1] === "/") {
      if (top.name !== m[2]) return `malformed XML: </${m[2]}> closes <${top.name}>`;
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    const attr = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let a = attr.exec(m[3]); a; a = attr.exec(m[3])) attrs[a[1]] = unescape(a[2] ?? a[3] ?? "");
    const element: XmlElement = { name: m[2], attrs, children: [] };
    top.children.push(element);
    if (m[4] !== "/") {
      if (stack.length > MAX_DEPTH) return "XML nested too deeply";
      stack.push(element);
    }
  }
  if (text.slice(at).includes("<")) return "malformed XML";
  if (stack.length !== 1) return `malformed XML: <${stack[stack.length - 1].name}> is never closed`;
  if (root.children.length !== 1) return "XML must have exactly one root element";
  return root.children[0];
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
