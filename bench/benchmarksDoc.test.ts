import { replaceSection } from "./benchmarksDoc";

const doc = "# Benchmarks\n\n## Room load\n\nintro\n\n## Room load: campus.json\n\nold campus\n\n## Soak\n\nsoak\n";

test("replaces exactly the section whose heading line matches, not one that merely starts the same", () => {
  const next = replaceSection(doc, "## Room load: campus.json", "## Room load: campus.json\n\nnew campus\n");
  expect(next).toBe("# Benchmarks\n\n## Room load\n\nintro\n\n## Room load: campus.json\n\nnew campus\n\n## Soak\n\nsoak\n");
  expect(replaceSection(doc, "## Room load", "## Room load\n\nnew intro\n")).toBe(
    "# Benchmarks\n\n## Room load\n\nnew intro\n\n## Room load: campus.json\n\nold campus\n\n## Soak\n\nsoak\n",
  );
});

test("appends a section that is not there yet, and replaces a last section to the end", () => {
  expect(replaceSection(doc, "## Room load: office.json", "## Room load: office.json\n\noffice\n")).toBe(`${doc.trimEnd()}\n\n## Room load: office.json\n\noffice\n`);
  expect(replaceSection(doc, "## Soak", "## Soak\n\nnew soak\n")).toBe(doc.replace("## Soak\n\nsoak\n", "## Soak\n\nnew soak\n"));
});
