import { extractFinalCode, extractStreamingCode } from "@/lib/server/engines/openai/extract-code";
import { createHtmlRepairer, repairPartialHtml } from "@/lib/server/engines/openai/html-repair";

describe("repairPartialHtml", () => {
  test.each([
    ["closes every open element, innermost first", "<div><p>Hello <b>wor", "<div><p>Hello <b>wor</b></p></div>"],
    ["drops a half-written tag at the end", "<section><h2>Title</h2><p cla", "<section><h2>Title</h2></section>"],
    ["drops a half-written closing tag", "<div><span>a</sp", "<div><span>a</span></div>"],
    ["knows a '>' inside a quoted attribute does not end the tag", '<div title="a>b"><span', '<div title="a>b"></div>'],
    ["does not close void elements", "<br><img src=\"x.svg\" alt=\"\"><p>t", '<br><img src="x.svg" alt=""><p>t</p>'],
    ["does not close self-closing tags", "<svg><path d=\"M0 0\"/><circle r=\"1\"/>", '<svg><path d="M0 0"/><circle r="1"/></svg>'],
    ["holds back an unfinished script (half a script only throws)", "<main><script>if (a < b) {", "<main></main>"],
    ["keeps a finished script whole", "<main><script>if (a<b) {}</script><p>x", "<main><script>if (a<b) {}</script><p>x</p></main>"],
    ["drops an unfinished comment", "<p>a</p><!-- note", "<p>a</p>"],
    ["drops a half-typed character reference", "<p>Fish &am", "<p>Fish </p>"],
    ["keeps a bare '<' in text", "<p>a < b", "<p>a < b</p>"],
    ["a stray closing tag is ignored", "<div>a</div></span><p>", "<div>a</div></span><p></p>"],
    ["a closing tag closes what it implies", "<div><p><b>x</div><p>", "<div><p><b>x</div><p></p>"],
    ["a new block ends an open <p> as browsers do", "<p>a<div>b", "<p>a<div>b</div>"],
    ["a new <li> ends the previous one", "<ul><li>a<li>b", "<ul><li>a<li>b</li></ul>"],
    ["table cells and rows end their siblings", "<table><tr><td>1<td>2<tr><td>3", "<table><tr><td>1<td>2<tr><td>3</td></tr></table>"],
    ["complete markup is unchanged", "<header><h1>Hi</h1></header>", "<header><h1>Hi</h1></header>"],
    ["an empty string stays empty", "", ""],
  ])("%s", (_name, input, expected) => {
    expect(repairPartialHtml(input)).toBe(expected);
  });

  const page =
    '<header class="top"><nav><a href="#a">A &amp; B</a></nav></header>\n<main><section id="a"><h2>Menu 🍰</h2>' +
    '<p>Fresh <em>every</em> day.<br>Open at 7</p><!-- c --><ul><li>One<li>Two</ul>' +
    '<script>const x = "<b>";</script><img src="data:," alt="x"></section></main><footer>© 2026</footer>';

  test("the incremental repairer gives the same result as a fresh repair for every prefix", () => {
    const repairer = createHtmlRepairer();
    for (let i = 0; i <= page.length; i++) {
      expect(repairer.update(page.slice(0, i))).toBe(repairPartialHtml(page.slice(0, i)));
    }
  });

  test("every repaired prefix is balanced: re-repairing it changes nothing", () => {
    for (let i = 0; i <= page.length; i += 3) {
      const repaired = repairPartialHtml(page.slice(0, i));
      expect(repairPartialHtml(repaired)).toBe(repaired);
    }
  });

  test("a text that is not an extension of the last one starts the repairer over", () => {
    const repairer = createHtmlRepairer();
    expect(repairer.update("Sure! <div>")).toBe("Sure! <div></div>");
    expect(repairer.update("<p>x")).toBe("<p>x</p>");
  });
});

describe("extractStreamingCode", () => {
  test("takes the content of a Markdown fence and hides a closing fence while it arrives", () => {
    expect(extractStreamingCode("```html\n<div>hi", "html")).toBe("<div>hi");
    expect(extractStreamingCode("```html\n<div>hi</div>\n``", "html")).toBe("<div>hi</div>\n");
    expect(extractStreamingCode("```html\n<div>hi</div>\n```\nEnjoy!", "html")).toBe("<div>hi</div>");
    expect(extractStreamingCode("``", "css")).toBe("");
    expect(extractStreamingCode("```cs", "css")).toBe("");
  });

  test("drops prose before the first tag of markup", () => {
    expect(extractStreamingCode("Sure! Here it is: <main>", "html")).toBe("<main>");
    expect(extractStreamingCode("Sure! Here", "html")).toBe("");
    expect(extractStreamingCode("  body { margin: 0 }", "css")).toBe("body { margin: 0 }");
  });
});

describe("extractFinalCode", () => {
  test("unwraps fences, prose and whole documents", () => {
    expect(extractFinalCode("Sure:\n```html\n<div>hi</div>\n```\nEnjoy", "html")).toBe("<div>hi</div>");
    expect(extractFinalCode("<!DOCTYPE html><html><head><title>x</title></head><body class=a><p>x</p></body></html>", "html")).toBe("<p>x</p>");
    expect(extractFinalCode("<!doctype html><html><head><meta charset=utf-8></head><p>x</p></html>", "html")).toBe("<p>x</p>");
    expect(extractFinalCode("```css\nbody { margin: 0 }\n```", "css")).toBe("body { margin: 0 }");
    expect(extractFinalCode("<style>\nh1 { color: red }\n</style>", "css")).toBe("h1 { color: red }");
    expect(extractFinalCode("```js\n<script>\nconsole.log(1)\n</script>\n```", "js")).toBe("console.log(1)");
    expect(extractFinalCode("   ", "js")).toBe("");
  });

  test("a reasoning model's leading <think> block is never part of the code", () => {
    expect(extractStreamingCode("<think>Let me plan <div> ...", "html")).toBe("");
    expect(extractStreamingCode("<think>plan</think>\n<main><p>x", "html")).toBe("<main><p>x");
    expect(extractFinalCode("<think>plan { a }</think>\n```css\nbody{}\n```", "css")).toBe("body{}");
  });

  test("a fenced answer streams to exactly the code the final extraction keeps", () => {
    const answer = "```html\n<main><h1>Hi</h1></main>\n```";
    expect(extractStreamingCode(answer, "html")).toBe(extractFinalCode(answer, "html"));
  });
});
