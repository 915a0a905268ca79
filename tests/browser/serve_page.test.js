// The page of `citesearch serve` in headless Chromium: a claim, a misquote,
// the passage in its article, the keyboard, Back and Forward, copying a
// citation, a Latin-1 file, a saved page's address, and corpus text that
// looks like HTML staying text.
//
// usage: node serve_page.test.js URL SCREENSHOT_DIR
// (run by tests/e2e/browser.sh, which installs playwright-core, indexes the
// corpus plus an injection file and starts the server)
"use strict";

const assert = require("node:assert/strict");
const path = require("node:path");
const { chromium } = require("playwright-core");

const [url, shots] = process.argv.slice(2);
if (!url || !shots) {
  console.error("usage: node serve_page.test.js URL SCREENSHOT_DIR");
  process.exit(2);
}

const CLAIM = "Albanian government digital services were attacked in July and September";
const CLAIM_CITE = "corpus/000_e2b09c51e93f98b0.txt:17";
const QUOTE = "The systems will be out of service until the risk is completely removed";
const MISQUOTE = "Albania said on Wednesday that on July 17 it had suffered a heavy cyberattack";
const MISQUOTE_CITE = "corpus/001_ad6093775fdf0074.txt:28";

async function search(page, q, mode) {
  await page.selectOption("#mode", mode);
  await page.fill("#q", q);
  await page.press("#q", "Enter");
  await page.waitForFunction(() => {
    const s = document.getElementById("status").textContent;
    return s && !s.startsWith("Searching");
  });
}

function firstResult(page) {
  return page.locator("#results .result").first();
}

async function main() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const problems = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
    const page = await context.newPage();
    // No script error, no CSP refusal, no request leaving the server.
    page.on("pageerror", (e) => problems.push("page error: " + e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 40\d/.test(m.text()))
        problems.push("console error: " + m.text());
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith("data:"))
        problems.push("request outside the server: " + r.url());
    });
    await page.goto(url);
    assert.equal(await page.title(), "citesearch");
    await page.waitForFunction(() => document.getElementById("stats").textContent.includes("files"));

    // A claim: the supporting passage at rank 1, its words highlighted.
    await search(page, CLAIM, "auto");
    const claim = firstResult(page);
    assert.equal(await claim.locator("button.cite").textContent(), CLAIM_CITE);
    assert.ok(await claim.locator(".passage mark").count() > 0, "no highlight in the claim's passage");
    assert.match(await claim.locator(".title").textContent(), /Albanian National Security Council/);

    // A claim the passage negates: the words are all there, and the page
    // says which the source negates.
    await search(page, "The intrusions originated from Albanian IP addresses", "claim");
    const neg = firstResult(page);
    assert.equal(await neg.locator("button.cite").textContent(), "corpus/002_2a02a01db59475ef.txt:11");
    const negated = neg.locator(".unsupported").filter({ hasText: "Negated in this passage:" });
    assert.equal(await negated.count(), 1);
    assert.deepEqual(await negated.locator(".word").allTextContents(), ["originated"]);

    // A name spelt otherwise, and a figure the claim rounds: the page says
    // which words the passage gives so.
    await search(page, "Mujahedin Organization", "auto");
    const respelt = firstResult(page).locator(".unsupported").filter({ hasText: "Spelt otherwise here:" });
    assert.deepEqual(await respelt.locator(".pair").allTextContents(), ["Mujahedin -> Mojahedin"]);
    await search(page, "expenditures were 73.3 million dollars", "claim");
    const rounded = firstResult(page).locator(".unsupported").filter({ hasText: "Figures it gives otherwise:" });
    assert.deepEqual(await rounded.locator(".pair").allTextContents(), ["73.3 million -> 73,344,573.27"]);

    // Who said it: the quotation given to Rama was Et'hemaj's, whom the
    // paragraph before names; the page says so, with that line.
    await search(page, 'Rama said "We are talking about an abnormal, unusual situation"', "auto");
    const said = firstResult(page).locator(".said");
    assert.equal(await said.locator(".word").textContent(), "Maksim Et\u2019hemaj");
    assert.equal(await said.locator(".where").textContent(), " (corpus/004_ea823e42dca6d0bc.txt:41)");

    // A verbatim quote: the highlight is exactly the quote, although the
    // passage starts with a curly quote (3 UTF-8 bytes, 1 UTF-16 unit).
    await search(page, '"' + QUOTE + '"', "auto");
    const exact = firstResult(page);
    assert.equal(await exact.locator(".match").textContent(), "exact");
    assert.equal(await exact.locator(".passage mark").first().textContent(), QUOTE);

    // A misquote (17 for 15): the right passage, with the word diff when
    // the engine gives one, else the passage itself.
    await search(page, MISQUOTE, "quote");
    const mis = firstResult(page);
    assert.equal(await mis.locator("button.cite").textContent(), MISQUOTE_CITE);
    const match = await mis.locator(".match").textContent();
    if (await mis.locator(".diff").count() > 0) {
      assert.equal(match, "near");
      assert.equal(await mis.locator(".diff .sub").first().textContent(), "17 -> 15");
      assert.ok(await mis.locator(".diff .sub").first().isVisible(), "the diff is not visible");
      // (A day by its month: a date's.)
      assert.equal(await mis.locator(".diff .kind").first().textContent(), " (date)");
      // The source's punctuation between its words, as it writes them
      // (its quotation mark opens before "heavy").
      assert.match(await mis.locator(".diff").textContent(),
                   /on July 17 -> 15 \(date\) it had suffered a \u201cheavy cyberattack$/);
    } else {
      assert.ok(["near", "terms"].includes(match), match);
      assert.match(await mis.locator(".passage").textContent(), /on July 15 it had suffered/);
    }

    // The cite opens the passage in its article, with context around it.
    await mis.locator("button.cite").click();
    await page.waitForSelector("#context .cited");
    const cited = await page.locator("#context .cited").allTextContents();
    assert.match(cited.join(""), /on July 15 it had suffered/);
    assert.ok(await page.locator("#context .ctx-block").count() >= 3, "no context around the passage");
    assert.match(await page.locator("#context h2").textContent(), /Albania announces another cyberattack/);
    await page.screenshot({ path: path.join(shots, "serve_page.png"), fullPage: false });

    // Copy citation: the title and the cite on the clipboard.
    await mis.locator("button.copy").click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(MISQUOTE_CITE) && copied.includes("Albania announces"), copied);

    // Keyboard: Enter searched above; arrows move between results, Enter
    // opens one, Escape closes it.
    await page.keyboard.press("Escape");
    await page.waitForSelector("#context", { state: "hidden" });
    await search(page, CLAIM, "claim");
    await page.focus("#q");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), "0");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), "1");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#context .cited");
    assert.equal(await page.locator("#context .ctx-cite").filter({ hasText: /:17$/ }).count(), 1);
    await page.keyboard.press("Escape");
    await page.waitForSelector("#context", { state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), "0");

    // Back and Forward: each search is a step in the history, its address
    // naming it, so Back shows the search before instead of leaving the
    // page; the same search again is no new step.
    const shownAfter = (q, mode, cite) => page.waitForFunction(([q, mode, cite]) => {
      const first = document.querySelector("#results .result button.cite");
      const s = document.getElementById("status").textContent;
      return document.getElementById("q").value === q &&
             document.getElementById("mode").value === mode &&
             s && !s.startsWith("Searching") && first && first.textContent === cite;
    }, [q, mode, cite], { timeout: 10000 });
    await search(page, CLAIM, "claim");
    await search(page, "Kreshnik Spahiu", "auto");
    const steps = await page.evaluate(() => history.length);
    await search(page, "Kreshnik Spahiu", "auto");
    assert.equal(await page.evaluate(() => history.length), steps);
    await page.goBack();
    assert.ok(page.url().startsWith(url), "Back left the page for " + page.url());
    await shownAfter(CLAIM, "claim", CLAIM_CITE);
    assert.equal(new URL(page.url()).searchParams.get("q"), CLAIM);
    await page.goForward();
    await shownAfter("Kreshnik Spahiu", "auto", "corpus/004_ea823e42dca6d0bc.txt:33");
    assert.equal(new URL(page.url()).searchParams.get("mode"), "auto");

    // A window of a long paragraph on one line (every window shares its
    // cite): the article shows that window as the cited one, in view, not
    // the whole paragraph from its start.
    await search(page, "Oskar Vendelbo envelope", "auto");
    const win = firstResult(page);
    assert.match(await win.locator("button.cite").textContent(), /^minutes\/ferry\.txt:3$/);
    await win.locator("button.cite").click();
    await page.waitForSelector("#context .cited");
    const citedText = (await page.locator("#context .cited").allTextContents()).join("");
    assert.ok(citedText.includes("Oskar Vendelbo") && !citedText.includes("Minute 1 notes"),
              "cited: " + citedText.slice(0, 120));
    assert.ok(await page.evaluate(() => {
      const panel = document.getElementById("context").getBoundingClientRect();
      const m = document.querySelector("#context mark").getBoundingClientRect();
      return m.top >= panel.top && m.bottom <= panel.bottom;
    }), "the matched words are out of view in the article");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#context", { state: "hidden" });

    // A Latin-1 file (bytes that are not UTF-8): its accented words are
    // found, marked on the right letters and shown as written, in the
    // results and in the article view.
    await search(page, "Genève", "auto");
    const latin = firstResult(page);
    assert.match(await latin.locator("button.cite").textContent(), /^latin1\/note\.txt:/);
    assert.deepEqual(await latin.locator(".passage mark").allTextContents(), ["Genève"]);
    assert.match(await latin.locator(".passage").textContent(), /the délégation meets in Genève “today”/);
    await latin.locator("button.cite").click();
    await page.waitForSelector("#context .cited");
    assert.deepEqual(await page.locator("#context mark").allTextContents(), ["Genève"]);
    await page.keyboard.press("Escape");
    await page.waitForSelector("#context", { state: "hidden" });

    // A file whose name is not UTF-8: its passage opens in its article
    // too (the cite asked for by the name's own bytes).
    await search(page, "ocelotquartz", "auto");
    await firstResult(page).locator("button.cite").click();
    await page.waitForSelector("#context .cited");
    assert.match(await page.locator("#context .ctx-block.has-cited").textContent(), /ocelotquartz memo/);
    await page.keyboard.press("Escape");
    await page.waitForSelector("#context", { state: "hidden" });

    // An e-mail's HTML part, quoted-printable in windows-1251: shown as a
    // mail reader shows it (letters, not escapes; no markup), the word
    // marked; the JSON keeps the bytes.
    await search(page, "кибератаке", "auto");
    const mail = firstResult(page);
    assert.match(await mail.locator("button.cite").textContent(), /^mail\/html1251\.eml:/);
    assert.deepEqual(await mail.locator(".passage mark").allTextContents(), ["кибератаке"]);
    assert.equal((await mail.locator(".passage").textContent()).trim(),
                 "Министерство финансов сообщило о кибератаке.");
    // So does the article view.
    await mail.locator("button.cite").click();
    await page.waitForSelector("#context .cited");
    assert.equal((await page.locator("#context .cited").textContent()).trim(),
                 "Министерство финансов сообщило о кибератаке.");
    assert.deepEqual(await page.locator("#context .cited mark").allTextContents(), ["кибератаке"]);
    await page.keyboard.press("Escape");
    await page.waitForSelector("#context", { state: "hidden" });

    // A saved page's address is a link that opens apart; one that is a
    // script is text, and the copied citation names the address.
    await search(page, "quokka delegation", "auto");
    const link = firstResult(page).locator("a.url");
    assert.equal(await link.getAttribute("href"), "https://example.org/wire");
    assert.equal(await link.getAttribute("target"), "_blank");
    await firstResult(page).locator("button.copy").click();
    await firstResult(page).locator("button.copy:has-text('copied')").waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /pages\/wire\.html:1, https:\/\/example\.org\/wire$/);
    await search(page, "wombat delegation", "auto");
    assert.equal(await firstResult(page).locator("a.url").count(), 0);
    assert.equal((await firstResult(page).locator(".url").textContent()), "javascript:window.__pwned=1");

    // Corpus text that looks like HTML stays text: in the results, in the
    // title, in the article view, and in an error message.
    await search(page, "pwned markup test", "auto");
    const inj = firstResult(page);
    assert.match(await inj.locator("button.cite").textContent(), /^inject\/pwned\.txt:/);
    const shown = await page.locator("#results").textContent();
    assert.ok(shown.includes("<script>window.__pwned=1</script>"), shown);
    assert.ok(shown.includes('<img src=x onerror="window.__pwned=1">'), shown);
    await inj.locator("button.cite").click();
    await page.waitForSelector("#context .cited");
    assert.ok((await page.locator("#context").textContent()).includes("<script>window.__pwned=1</script>"));
    await page.screenshot({ path: path.join(shots, "serve_page_injection.png"), fullPage: false });
    await search(page, "date:<img/src=x/onerror=window.__pwned=1>", "auto");
    assert.ok((await page.locator("#status").textContent()).includes("<img/src=x/onerror=window.__pwned=1>"));
    assert.equal(await page.locator("main script, main img, #status *, header img").count(), 0,
                 "corpus or query text became elements");
    assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
  } finally {
    await browser.close();
  }
  assert.deepEqual(problems, []);
  console.log("browser ok; screenshots in " + shots);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
