#!/usr/bin/env python3
"""Browser tests of the web page for officials (issue 17), in a real
headless Chromium driven by Selenium, against an `avtal serve` this test
starts itself on 127.0.0.1 and a port the service picks, and stops.

usage: page_test.py AVTAL_BINARY AXE_JS SCREENSHOT_DIR [TEST...]
Tests: typing, flawed, axe, keyboard, model, escaping, portfolio, save (all by default).
"""
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

AVTAL, AXE_JS, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
WANTED = sys.argv[4:] or ["typing", "flawed", "axe", "keyboard", "model", "escaping", "portfolio", "save"]
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGE_BUDGET = 200 * 1000  # bytes: the page's own files and what it fetches as it opens (issue 17)
os.makedirs(SHOTS, exist_ok=True)


def start_service():
    proc = subprocess.Popen([AVTAL, "serve", "--bind", "127.0.0.1", "--port", "0", "--threads", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 20
    while time.time() < deadline:
        line = proc.stderr.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if m:
            return proc, m.group(1)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("avtal serve did not print its URL")


def browser():
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,2200",
              "--lang=sv-SE", "--disable-background-networking", "--disable-component-update", "--no-first-run"):
        opts.add_argument(a)
    # Every request the browser makes (Network.requestWillBeSent) and its console (CSP violations).
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=ChromeService(executable_path="/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def wait(driver, cond, seconds=15, what="condition"):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda d: cond(d))
    except TimeoutException:
        raise AssertionError(f"timed out waiting for {what}")


def text(driver, css, by=By.CSS_SELECTOR):
    """The text of the element `css` finds, read again if a check re-renders it
    between finding and reading (a stale element is not a failure)."""
    return wait(driver, lambda d: d.find_element(by, css).text or None, what=f"the text of {css}")


def verdict(driver):
    return driver.execute_script("return document.getElementById('verdict')?.dataset.verdict || null")


def settle(driver):
    """Waits until the page has no check scheduled or in flight and its result is shown."""
    wait(driver, lambda d: d.execute_script("return !window.__avtal.busy && document.getElementById('results').children.length > 0"),
         what="a result")


def by_path(driver, path, suffix=""):
    return driver.find_element(By.CSS_SELECTOR, f'[data-path="{path}"] {suffix}'.strip())


def type_into(driver, path, text):
    e = driver.find_element(By.CSS_SELECTOR, f'[data-path="{path}"] input')
    e.clear()
    e.send_keys(text)


def choose(driver, path, value):
    """A yes/no/unknown question: clicks the radio button with `value`."""
    driver.find_element(By.CSS_SELECTOR, f'[data-path="{path}"] input[value="{value}"]').click()


def select(driver, path, value):
    Select(driver.find_element(By.CSS_SELECTOR, f'[data-path="{path}"] select')).select_by_value(value)


def requests_stay_local(driver, base):
    """Every request the browser sent since the last call (its DevTools network log, which also has the
    requests the Performance API does not list, e.g. failed ones) went to the service; no CSP violation."""
    urls = []
    for entry in driver.get_log("performance"):
        m = json.loads(entry["message"])["message"]
        if m["method"] == "Network.requestWillBeSent":
            urls.append(m["params"]["request"]["url"])
    foreign = [u for u in urls if not (u.startswith(base) or u.startswith("data:") or u.startswith("blob:"))]
    assert not foreign, f"requests left the service: {foreign}"
    assert any(u.startswith(base) for u in urls), "no request seen in the network log"
    violations = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"] or "Refused to" in e["message"]]
    assert not violations, f"Content-Security-Policy violations: {violations}"
    return len(urls)


def page_weight(driver):
    """Bytes of the page as it opens: the document, its scripts and style sheet, and what it fetches."""
    sizes = driver.execute_script("""
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
          .filter(e => !e.name.includes('/v1/check') && !e.name.includes('/v1/guide'))
          .map(e => [new URL(e.name).pathname, e.decodedBodySize]);""")
    return sum(n for _, n in sizes), sizes


def test_typing(driver, base):
    """Fills the Norrström–Fjällviken agreement from an empty form by typing."""
    driver.get(base)
    wait(driver, lambda d: d.find_elements(By.ID, "add-party"), what="the form")
    type_into(driver, "/id", "norrstrom-fjallviken")
    type_into(driver, "/title", "Avtalssamverkan om strukturerad familjebehandling")
    type_into(driver, "/assessment_date", "2024-03-01")
    type_into(driver, "/term/months", "12")
    type_into(driver, "/term/extension_months", "0")
    choose(driver, "/term/until_further_notice", "no")
    for i, (pid, name, pop) in enumerate([("norrstrom", "Norrströms kommun", "9000"), ("fjallviken", "Fjällvikens kommun", "4000")]):
        driver.find_element(By.ID, "add-party").click()
        type_into(driver, f"/parties/{i}/id", pid)
        type_into(driver, f"/parties/{i}/name", name)
        select(driver, f"/parties/{i}/kind", "municipality")
        type_into(driver, f"/parties/{i}/population", pop)
        select(driver, f"/parties/{i}/decision_body", "council")
    driver.find_element(By.ID, "add-task").click()
    type_into(driver, "/tasks/0/id", "familjebehandling")
    type_into(driver, "/tasks/0/description", "Strukturerad familjebehandling (BSFT, FFT, MDFT, MST), 12–17 år")
    select(driver, "/tasks/0/contractor", "norrstrom")
    by_path(driver, "/tasks/0/principals", "input#f-tasks-0-principals-1").click()
    by_path(driver, "/tasks/0/huvudman", "input#f-tasks-0-huvudman-1").click()
    select(driver, "/tasks/0/nature", "service")
    select(driver, "/tasks/0/area", "social_services")
    select(driver, "/tasks/0/category", "social_and_other_specific")
    choose(driver, "/tasks/0/target_group_children", "yes")
    choose(driver, "/tasks/0/within_competence", "yes")
    type_into(driver, "/tasks/0/annual_value", "5 000 000")
    for q in ("establishes_cooperation", "common_objectives", "public_interest_only"):
        choose(driver, f"/tasks/0/hamburg/{q}", "yes")
    choose(driver, "/delegation/used", "no")
    type_into(driver, "/compensation/money_per_year", "5000000")
    type_into(driver, "/compensation/in_kind_value_per_year", "0")
    for k, v in (("staff", "4200000"), ("premises", "400000"), ("overhead", "400000"), ("capital", "0"), ("other", "0")):
        type_into(driver, f"/compensation/cost_per_year/{k}", v)
    type_into(driver, "/compensation/tolerance", "0")
    select(driver, "/compensation/allocation/key", "population")
    choose(driver, "/information/personal_data", "yes")
    select(driver, "/information/arrangement", "joint_controllership")
    choose(driver, "/information/records_responsibility", "yes")
    choose(driver, "/information/confidentiality", "yes")
    for q in ("follow_up", "annual_report_to_council", "internal_control"):
        choose(driver, f"/oversight/{q}", "yes")
    choose(driver, "/staff/moves_between_parties", "no")
    choose(driver, "/staff/work_environment_allocated", "yes")
    choose(driver, "/creates_copyright_material", "no")
    driver.find_element(By.ID, "f-clauses-unknown").click()
    for c in ("parties", "contractor_tasks", "economic_terms", "information_handling", "follow_up", "term", "termination",
              "data_protection", "confidentiality", "insurance", "target_group", "assignments", "economic_responsibility",
              "procurement_parameter", "division_of_work", "take_back"):
        driver.find_element(By.ID, f"f-clauses-{c}").click()
    wait(driver, lambda d: verdict(d) == "ok", what="verdict ok")
    # What was typed is the bundled agreement, fact for fact.
    with open(os.path.join(SOURCE, "examples", "agreements", "norrstrom-fjallviken.json"), encoding="utf-8") as f:
        bundled = json.load(f)
    typed = driver.execute_script("return window.__avtal.agreement")
    assert as_read(typed) == as_read(bundled), json.dumps([as_read(typed), as_read(bundled)], ensure_ascii=False)
    results = text(driver, "results", By.ID)
    assert "OK" in results, results
    row = text(driver, '[data-task="familjebehandling"] tr[data-exception="exception.direct_award"]')
    assert "Ja" in row, row
    # The memo's per-principal table: Fjällviken's value over the 12 months against the limit for social services.
    row = text(driver, '[data-task="familjebehandling"] table.direct-award tr[data-principal="fjallviken"]')
    assert re.sub(r"\s", " ", row) == "Fjällvikens kommun 5 000 000 kr 12 8 109 450 kr * Ja", row
    allocation = text(driver, ".allocation")
    assert "Fjällvikens kommun" in allocation and "5\u00a0000\u00a0000\u00a0kr" in allocation.replace(" ", "\u00a0"), allocation
    shoot_results(driver, "web-norrstrom-ok.png")
    # Edit a figure twenty times, a keystroke at a time with a pause longer than
    # the page's debounce, so that each keystroke is one check round trip.
    value = driver.find_element(By.CSS_SELECTOR, '[data-path="/tasks/0/annual_value"] input')
    time.sleep(0.5)
    typed_before = driver.execute_script("return window.__avtal.timings.length")
    for i in range(20):
        before = driver.execute_script("return window.__avtal.timings.length")
        value.send_keys(Keys.BACK_SPACE, str(i % 10))
        wait(driver, lambda d: d.execute_script("return window.__avtal.timings.length") > before, what="a check round trip")
    wait(driver, lambda d: verdict(d) == "ok", what="verdict ok after the edits")
    n = requests_stay_local(driver, base)
    weight, sizes = page_weight(driver)
    own = sum(b for p, b in sizes if p == "/" or p.endswith((".js", ".css")))
    assert weight <= PAGE_BUDGET, f"the page weighs {weight} bytes: {sizes}"
    # The method guide (avtal-guide/1) in the side panel: steps 1 to 4 with progress from the check.
    steps = driver.execute_script("return [...document.querySelectorAll('#guide [data-step]')].map(e => e.dataset.step)")
    assert steps == ["1", "2A", "2B", "2C", "3A", "3B", "3C", "4"], steps
    progress = driver.execute_script("const p = document.querySelector('#guide progress'); return [p.value, p.max]")
    assert 0 < progress[0] < progress[1], progress
    assert "enligt granskningen" in driver.find_element(By.CSS_SELECTOR, '#guide [data-step="2A"]').get_attribute("textContent")
    # The check round trips as the user typed, measured in the page (Performance API).
    def p95(xs):
        xs = sorted(xs)
        return xs[max(0, int(round(0.95 * len(xs))) - 1)]
    every = driver.execute_script("return window.__avtal.timings")
    edits = every[typed_before:]
    print(f"typing: verdict ok; the 20 edits: {len(edits)} check round trips, median {statistics.median(edits):.1f} ms, p95 {p95(edits):.1f} ms; "
          f"all {len(every)} round trips while filling the form: median {statistics.median(every):.1f} ms, p95 {p95(every):.1f} ms; {n} requests, all to the service; page {own} bytes (/, JS, CSS), {weight} bytes with what it fetches; "
          f"guide {progress[0]} of {progress[1]} items done")


def shoot_results(driver, name):
    """A screenshot of the result panel, whole: the window is made as tall as the panel for it."""
    panel = driver.find_element(By.CSS_SELECTOR, "aside.results")
    bottom = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return r.bottom + window.scrollY", panel)
    driver.set_window_size(1400, min(int(bottom) + 200, 6000))
    driver.execute_script("window.scrollTo(0, 0)")
    panel.screenshot(os.path.join(SHOTS, name))
    driver.set_window_size(1400, 2200)


def load_example(driver, base, name):
    driver.get(base)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f'#example-select option[value="{name}"]'), what="the examples")
    Select(driver.find_element(By.ID, "example-select")).select_by_value(name)
    driver.find_element(By.ID, "example-load").click()
    wait(driver, lambda d: verdict(d) is not None and d.find_element(By.CSS_SELECTOR, '[data-path="/id"] input').get_attribute("value") != "",
         what=f"{name} to load")
    settle(driver)


def test_flawed(driver, base):
    """A flawed agreement shows its violated rule; a finding's link focuses its field."""
    load_example(driver, base, "flawed-kommunalt-bolag.json")
    wait(driver, lambda d: verdict(d) == "violations", what="verdict violations")
    finding = wait(driver, lambda d: [f for f in d.find_elements(By.CSS_SELECTOR, ".finding--violated") if "party.kind_allowed" in f.text],
                   what="party.kind_allowed shown")[0]
    assert "kommunalt bolag" in finding.text or "Kommunalt bolag" in finding.text or "party.kind_allowed" in finding.text
    link = finding.find_element(By.CSS_SELECTOR, "a.find-out-link")
    target = link.get_attribute("data-target")
    link.click()
    active = driver.execute_script("const a = document.activeElement; const f = a.closest('[data-path]'); return f ? f.getAttribute('data-path') : null")
    assert active and active.startswith(target), f"focus on {active}, expected {target}"
    assert re.match(r"^/parties/\d+", active), active
    # The finding expands into its explanation tree, each node with its answer and citation.
    why = finding.find_element(By.CSS_SELECTOR, "details > summary")
    why.click()
    tree = finding.find_element(By.CSS_SELECTOR, "details ul.tree")
    assert tree.is_displayed() and "(9 kap. 37 § första stycket kommunallagen (2017:725))" in tree.text, tree.text
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(SHOTS, "web-flawed-party.png"))
    # An incomplete agreement: each fact to find out is a link that focuses exactly its field.
    load_example(driver, base, "incomplete-hamburg-okand.json")
    wait(driver, lambda d: verdict(d) == "incomplete", what="verdict incomplete")
    link = driver.find_element(By.CSS_SELECTOR, 'a.find-out-link[data-target="/tasks/0/hamburg/open_market_share_percent"]')
    link.click()
    active = driver.execute_script("return document.activeElement.closest('[data-path]').getAttribute('data-path')")
    assert active == "/tasks/0/hamburg/open_market_share_percent", active
    assert driver.execute_script("return document.activeElement.tagName") == "INPUT"
    requests_stay_local(driver, base)
    print("flawed: party.kind_allowed shown and its link focuses the party; the Hamburg share link focuses its field")


def test_axe(driver, base):
    """axe-core finds no WCAG 2.1 A or AA violation, empty and filled."""
    with open(AXE_JS, encoding="utf-8") as f:
        axe = f.read()
    for state in ("empty", "ostergotland-hvb.json"):
        if state == "empty":
            driver.get(base)
            wait(driver, lambda d: d.find_elements(By.ID, "add-party"), what="the form")
            settle(driver)
        else:
            load_example(driver, base, state)
            for d in driver.find_elements(By.CSS_SELECTOR, "details"):
                driver.execute_script("arguments[0].open = true", d)
        driver.execute_script(axe)
        result = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
               .catch(e => done([{ id: 'axe-error', impact: String(e), nodes: [] }]));""")
        assert result == [], json.dumps(result, indent=1, ensure_ascii=False)
        print(f"axe: 0 violations of WCAG 2.1 A/AA ({state})")
    driver.save_screenshot(os.path.join(SHOTS, "web-ostergotland.png"))


def test_portfolio(driver, base):
    """The "portfölj" view: Lund's six agreement files and a bad one chosen
    together; the report names Lund's six cooperations with the command
    line's totals, draws them, and lists the file it could not read with its
    JSON path; no WCAG 2.1 A/AA violation."""
    agreements = os.path.join(SOURCE, "examples", "agreements")
    lund = sorted(os.path.join(agreements, n) for n in os.listdir(agreements) if n.startswith("lund-"))
    bad = os.path.join(SOURCE, "tests", "malformed", "ref-principal.json")
    expected = json.loads(subprocess.run([AVTAL, "portfolio", "--party", "lund", "--year", "2025", "--format", "json", *lund],
                                         capture_output=True, check=True).stdout)
    driver.get(base)
    wait(driver, lambda d: d.find_elements(By.ID, "portfolio-files"), what="the portfolio view")
    driver.find_element(By.ID, "portfolio-link").click()  # the toolbar's way to the view
    assert driver.execute_script("return location.hash") == "#portfolio"
    driver.find_element(By.ID, "portfolio-files").send_keys("\n".join(lund + [bad]))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '#portfolio-party option[value="lund"]'), what="the parties of the files")
    Select(driver.find_element(By.ID, "portfolio-party")).select_by_value("lund")
    driver.find_element(By.ID, "portfolio-year").send_keys("2025")
    driver.find_element(By.ID, "portfolio-run").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#portfolio-result table"), what="the portfolio report")
    result = driver.find_element(By.ID, "portfolio-result")
    rows = result.find_elements(By.CSS_SELECTOR, "table:nth-of-type(2) tbody tr")
    titles = sorted(r.find_element(By.CSS_SELECTOR, "th").text for r in rows)
    assert titles == sorted(a["title"] for a in expected["agreements"]), titles
    assert all(r.find_elements(By.TAG_NAME, "td")[1].text in [os.path.basename(p) for p in lund] for r in rows)
    receives = expected["totals"]["receives"]
    kr, ore = receives.split(".")
    shown = f"{int(kr):,}".replace(",", "\u00a0") + "," + ore + " kr"
    # WebDriver's element text has plain spaces for no-break spaces.
    assert shown.replace("\u00a0", " ") in result.text.replace("\u00a0", " "), (shown, result.text[-800:])
    arrows = driver.execute_script("return document.querySelectorAll('#portfolio-result svg path[marker-end]').length")
    assert arrows == 32, arrows  # one per principal of Lund's six tasks, as the command line's SVG
    unreadable = driver.find_element(By.ID, "portfolio-unreadable").text
    assert "ref-principal.json: /tasks/0/principals/1" in unreadable, unreadable
    driver.execute_script("document.getElementById('portfolio').scrollIntoView()")
    driver.save_screenshot(os.path.join(SHOTS, "web-portfolio-lund.png"))
    with open(AXE_JS, encoding="utf-8") as f:
        driver.execute_script(f.read())
    violations = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document.getElementById('portfolio'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
           .then(r => done(r.violations.map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
           .catch(e => done([{ id: 'axe-error', nodes: [String(e)] }]));""")
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    # In English the report is written again in English.
    driver.find_element(By.ID, "lang-switch").click()
    wait(driver, lambda d: "Receives per year" in d.find_element(By.ID, "portfolio-result").text, what="the report in English")
    requests_stay_local(driver, base)
    print(f"portfolio: Lund's {len(rows)} cooperations, receives {shown}, {arrows} arrows, ref-principal.json listed; axe 0 violations")


def tab_to(driver, element_id, limit=400):
    for _ in range(limit):
        ActionTab(driver)
        if driver.execute_script("return document.activeElement.id") == element_id:
            return
    raise AssertionError(f"{element_id} not reachable with Tab")


def test_keyboard(driver, base):
    """Every control is reachable with Tab and operable with Enter, Space and arrows."""
    driver.get(base)
    wait(driver, lambda d: d.find_elements(By.ID, "add-party"), what="the form")
    settle(driver)
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    # Open an example with the keyboard only: Tab to the list, pick with the arrow keys, Enter on the button.
    tab_to(driver, "example-select")
    names = driver.execute_script("return [...document.querySelectorAll('#example-select option')].map(o => o.value)")
    for _ in range(names.index("incomplete-hamburg-okand.json")):
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert driver.execute_script("return document.getElementById('example-select').value") == "incomplete-hamburg-okand.json"
    tab_to(driver, "example-load")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: verdict(d) == "incomplete", what="the example to load by keyboard")
    settle(driver)
    # Every focusable control, in document order, is reached by Tab.
    controls = driver.execute_script("""
        return [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
          .filter(e => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({ visibilityProperty: true }))  // not in a closed <details>
          .filter(e => e.type !== 'radio')
          .map((e, i) => { e.dataset.kb = 'k' + i; return 'k' + i; });""")
    radios = driver.execute_script("return [...new Set([...document.querySelectorAll('input[type=radio]')].map(e => e.name))]")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    seen, groups, order = set(), set(), []
    for _ in range(len(controls) + len(radios) + 20):
        ActionTab(driver)
        kb, kind, name, what = driver.execute_script(
            "const a = document.activeElement; return [a.dataset.kb || '', a.type || '', a.name || '', a.id || a.textContent.trim().slice(0, 30)]")
        seen.add(kb)
        order.append(what)
        if kind == "radio":
            groups.add(name)
    missing = [c for c in controls if c not in seen]
    described = driver.execute_script("return arguments[0].map(k => { const e = document.querySelector(`[data-kb=${k}]`); return e.id || e.textContent.trim().slice(0, 40); })", missing[:10])
    assert not missing, f"not reachable with Tab: {described} ({len(controls) - len(missing)} of {len(controls)} reached; the last Tab stops: {order[-12:]})"
    assert groups >= set(radios), f"radio groups not reachable: {sorted(set(radios) - groups)[:5]}"
    # Enter on a "find out" link moves focus to its field; Enter on a button adds a party.
    link = driver.find_element(By.CSS_SELECTOR, 'a.find-out-link[data-target="/tasks/0/hamburg/open_market_share_percent"]')
    driver.execute_script("arguments[0].focus()", link)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert driver.execute_script("return document.activeElement.closest('[data-path]').getAttribute('data-path')") == "/tasks/0/hamburg/open_market_share_percent"
    parties = len(driver.find_elements(By.CSS_SELECTOR, '[data-path$="/kind"]'))
    driver.execute_script("document.getElementById('add-party').focus()")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, '[data-path$="/kind"]')) == parties + 1, what="a party added by Enter")
    # Space toggles a checkbox; arrow keys move within a radio group.
    box = driver.find_element(By.ID, "f-clauses-unknown")
    before = box.is_selected()
    driver.execute_script("arguments[0].focus()", box)
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    assert driver.find_element(By.ID, "f-clauses-unknown").is_selected() != before, "Space did not toggle the checkbox"
    radio = driver.find_element(By.CSS_SELECTOR, '[data-path="/term/until_further_notice"] input:checked')
    value = radio.get_attribute("value")
    driver.execute_script("arguments[0].focus()", radio)
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    now = driver.find_element(By.CSS_SELECTOR, '[data-path="/term/until_further_notice"] input:checked').get_attribute("value")
    assert now != value, f"arrow key left the radio group at {now}"
    print(f"keyboard: {len(controls)} controls and {len(radios)} radio groups reachable with Tab; Enter, Space and arrows operate them")


# Two agreements that between them state every field of avtal/1: one with the
# agreement's own compensation (a federation as contractor, a tolerance in
# percent, fixed shares, a delegate), one with compensation per task (two
# contractors, a tolerance in kronor).
FULL_AGREEMENT = {
    "schema": "avtal/1", "id": "full", "title": "Alla fält", "assessment_date": "2021-06-01",
    "term": {"start": "2021-07-01", "months": 24, "extension_months": 12, "until_further_notice": False},
    "parties": [
        {"id": "ort", "name": "Orts kommun", "kind": "municipality", "population": 12000, "decision_body": "council",
         "other_direct_awards_same_kind": {"amount": "150000", "category": "social_and_other_specific"}},
        {"id": "forbund", "name": "Förbundet", "kind": "municipal_federation", "population": 30000, "mandate_covers_tasks": True,
         "decision_body": "committee"},
    ],
    "tasks": [{
        "id": "stod", "description": "Stöd", "contractor": "forbund", "principals": ["ort"], "huvudman": ["ort"], "nature": "service",
        "area": "social_services", "category": "social_and_other_specific", "target_group_children": False, "within_competence": True,
        "within_contractor_competence": True, "annual_value": "400000", "principal_shares": {"ort": 100},
        "hamburg": {"establishes_cooperation": True, "common_objectives": True, "public_interest_only": True, "open_market_share_percent": 5},
        "teckal": {"similar_control": True, "activity_share_percent": 90, "private_capital": False},
    }],
    "delegation": {"used": True, "agreed": True, "onward_delegation": "forbidden", "reporting_to_principal": True,
                   "delegates": [{"task": "stod", "to": "employee", "employer": "forbund", "matter": "individual_case"}]},
    "compensation": {"money_per_year": "240000", "in_kind_value_per_year": "0",
                     "cost_per_year": {"staff": "300000", "premises": "50000", "overhead": "40000", "capital": "10000", "other": "0"},
                     "contractor_bears_share": True, "tolerance": {"percent": 2},
                     "allocation": {"key": "fixed_shares", "weights": {"ort": 60, "forbund": 40}}},
    "information": {"personal_data": True, "arrangement": "joint_controllership", "records_responsibility": True, "confidentiality": True},
    "oversight": {"follow_up": True, "annual_report_to_council": True, "internal_control": True},
    "staff": {"moves_between_parties": True, "transfer_addressed": True, "work_environment_allocated": True},
    "creates_copyright_material": True,
    "clauses": ["parties", "contractor_tasks", "delegation_scope", "economic_terms", "take_back"],
}
PER_TASK_AGREEMENT = {
    "schema": "avtal/1", "id": "per-task", "title": "Ersättning per uppgift", "assessment_date": "2024-03-01",
    "parties": [{"id": "a", "name": "A kommun", "kind": "municipality", "population": 5000},
                {"id": "b", "name": "B kommun", "kind": "municipality", "population": 7000}],
    "tasks": [
        {"id": "x", "contractor": "a", "principals": ["b"], "huvudman": ["b"],
         "compensation": {"money_per_year": "100000", "in_kind_value_per_year": "5000", "contractor_bears_share": True,
                          "cost_per_year": {"staff": "100000", "premises": "10000", "overhead": "5000", "capital": "0", "other": "0"},
                          "tolerance": "1000", "allocation": {"key": "population"}}},
        {"id": "y", "contractor": "b", "principals": ["a"], "huvudman": ["a"],
         "compensation": {"money_per_year": "50000", "cost_per_year": {"staff": "50000"}, "tolerance": "0",
                          "allocation": {"key": "usage", "weights": {"a": 3}}}},
    ],
}
IDENTIFIERS = {"id", "name", "title", "description"}  # names, not facts a rule reads: no citation


def schema_paths(schema):
    """Every field path of the agreement schema, '*' for an array index or a map key."""
    defs = schema.get("$defs", {})
    out = set()

    def walk(node, path, seen):
        if "$ref" in node:
            name = node["$ref"].split("/")[-1]
            if name in seen:
                return
            walk(defs[name], path, seen | {name})
            return
        for alt in node.get("oneOf", []) + node.get("anyOf", []):
            walk(alt, path, seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], path + "/*", seen)
        if isinstance(node.get("additionalProperties"), dict):
            out.add(path + "/*")
        for key, sub in node.get("properties", {}).items():
            out.add(path + "/" + key)
            walk(sub, path + "/" + key, seen)

    walk(schema, "", frozenset())
    return out


def leaves(value, path=""):
    """The stated facts of a document: (JSON pointer, value), a list of scalars or a tolerance as one fact."""
    if isinstance(value, dict) and not path.endswith("/tolerance"):
        for k, v in value.items():
            yield from leaves(v, f"{path}/{k}")
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, v in enumerate(value):
            yield from leaves(v, f"{path}/{i}")
    else:
        yield path, value


def general(path):
    path = re.sub(r"/\d+(?=/|$)", "/*", path)
    return re.sub(r"/(principal_shares|weights)/[^/]+$", r"/\1/*", path)


def open_file(driver, doc):
    path = os.path.join(SHOTS, doc["id"] + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    before = driver.execute_script("return window.__avtal.timings.length")
    driver.find_element(By.ID, "file-open").send_keys(path)
    wait(driver, lambda d: d.execute_script("return window.__avtal.timings.length") > before, what=f"{doc['id']} to be checked")
    settle(driver)


def stated(value):
    """A document without its unknowns (null) and empty objects, as the reader sees it."""
    if isinstance(value, dict):
        out = {k: stated(v) for k, v in value.items() if v is not None}
        return {k: v for k, v in out.items() if v != {} and v != []}
    if isinstance(value, list):
        return [stated(v) for v in value]
    return value


def as_read(doc):
    """A document as the reader sees it: unknowns and empty objects left out, amounts as numbers,
    contractor_bears_share false (its default) left out."""
    def walk(v):
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items() if not (k == "contractor_bears_share" and x is False)}
        if isinstance(v, list):
            return [walk(x) for x in v]
        if isinstance(v, str) and re.fullmatch(r"\d+(\.\d+)?", v):
            return float(v)
        return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
    out = stated(walk(doc))
    if "clauses" in out:
        out["clauses"] = sorted(out["clauses"])  # a set of sections
    return out


def test_model(driver, base):
    """The form covers the whole avtal/1 model: every field of the schema has a control with a one-line
    meaning and a citation; an opened agreement comes back unchanged; «Vet inte» is not «Nej»."""
    schema = json.loads(urllib.request.urlopen(base + "v1/schema/agreement", timeout=10).read())
    wanted = schema_paths(schema) - {"/schema"}
    facts = [(general(p), v) for doc in (FULL_AGREEMENT, PER_TASK_AGREEMENT) for p, v in leaves(doc)]
    covered = {p for p, _ in facts} | {p + "/*" for p, v in facts if isinstance(v, list)}
    covered |= {p.rsplit("/", 1)[0] for p in covered if p.endswith("/tolerance")} | {p + "/percent" for p in covered if p.endswith("/tolerance")}
    prefixes = {q for p in covered for q in ("/".join(p.split("/")[:i]) for i in range(2, p.count("/") + 1))}
    missing = sorted(p for p in wanted if p not in covered and p not in prefixes)
    assert not missing, f"the test agreements do not state these fields of the schema: {missing}"
    driver.get(base)
    wait(driver, lambda d: d.find_elements(By.ID, "add-party"), what="the form")
    for doc in (FULL_AGREEMENT, PER_TASK_AGREEMENT):
        open_file(driver, doc)
        assert verdict(driver) in ("ok", "violations", "incomplete"), driver.find_element(By.ID, "results").text
        assert not driver.find_element(By.ID, "error-summary").is_displayed(), driver.find_element(By.ID, "error-summary").text
        # Every stated fact has its control.
        paths = set(driver.execute_script("return [...document.querySelectorAll('[data-path]')].map(e => e.dataset.path)"))
        without = [p for p, _ in leaves(doc) if p != "/schema" and p not in paths]
        assert not without, f"{doc['id']}: no control for {without}"
        # The page's agreement is the one opened.
        back = driver.execute_script("return window.__avtal.agreement")
        assert stated(back) == stated(doc), json.dumps([stated(back), stated(doc)], ensure_ascii=False)
    # Every field says what it means and where its rule comes from.
    open_file(driver, FULL_AGREEMENT)
    bare = driver.execute_script("""
        return [...document.querySelectorAll('.field[data-path]')].filter(f => f.querySelector(':scope > .hint')).map(f => {
          const hint = f.querySelector(':scope > .hint');
          return [f.dataset.path, hint.textContent.trim().length > 0, !!hint.querySelector('cite')];
        });""")
    assert len(bare) >= 70, len(bare)  # 73 for FULL_AGREEMENT
    for path, has_hint, has_cite in bare:
        assert has_hint, f"{path} has no hint"
        assert has_cite or path.rsplit("/", 1)[-1] in IDENTIFIERS, f"{path} cites no source"
    # Each yes/no fact has «Vet inte», which leaves the fact unknown (null), not false; each choice has «Vet inte» too.
    tri = driver.execute_script("""
        return [...document.querySelectorAll('fieldset.tri[data-path]')].map(f =>
          [f.dataset.path, [...f.querySelectorAll('input[type=radio]')].map(r => r.value)]);""")
    for path, values in tri:
        assert values == ["yes", "no", "unknown"] or path.endswith("/contractor_bears_share"), (path, values)
    choose(driver, "/tasks/0/within_competence", "no")
    assert driver.execute_script("return window.__avtal.agreement.tasks[0].within_competence") is False
    choose(driver, "/tasks/0/within_competence", "unknown")
    assert driver.execute_script("return window.__avtal.agreement.tasks[0].within_competence") is None
    blank = driver.execute_script("return [...document.querySelectorAll('.field[data-path] select')].filter(s => !s.id.endsWith('-unit') && s.options[0].value !== '').map(s => s.id)")
    assert not blank, f"choices without «Vet inte»: {blank}"
    # The new fields are edited through the form as the service reads them.
    type_into(driver, "/term/start", "2021-08-01")
    select(driver, "/parties/1/decision_body", "council")
    type_into(driver, "/compensation/tolerance", "3,5")
    Select(driver.find_element(By.ID, "f-compensation-tolerance-unit")).select_by_value("amount")
    time.sleep(0.4)
    a = driver.execute_script("return window.__avtal.agreement")
    assert (a["term"]["start"], a["parties"][1]["decision_body"], a["compensation"]["tolerance"]) == ("2021-08-01", "council", "3.5"), a
    driver.find_element(By.ID, "f-compensation-per-task").click()
    a = driver.execute_script("return window.__avtal.agreement")
    assert "compensation" not in a and a["tasks"][0]["compensation"]["money_per_year"] == "240000", a
    by_path(driver, "/tasks/0/compensation/money_per_year", "input")
    requests_stay_local(driver, base)
    print(f"model: {len(wanted)} fields of the schema stated by the test agreements, each with its control; "
          f"{len(bare)} fields with a hint, every fact cited; {len(tri)} yes/no facts with «Vet inte»; both agreements round-trip")


XSS = '<img src=x onerror="window.__xss=1">'


def cli(*args):
    return subprocess.run([AVTAL, *args], capture_output=True, text=True, timeout=60).stdout


def without_digest(text):
    """A report or memo with its input's SHA-256 left out: the page sends the
    agreement as compact JSON, a saved file is indented, so the digests differ."""
    return re.sub(r"[0-9a-f]{64}", "<sha256>", text)


def test_save(driver, base):
    """What an official takes away from the page: the agreement saved as JSON,
    the memo downloaded and copied, and the printed result."""
    with tempfile.TemporaryDirectory(prefix="avtal-web-downloads-") as downloads:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": base.rstrip("/"),
                                                            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        load_example(driver, base, "norrstrom-fjallviken.json")

        def downloaded(name):
            path = os.path.join(downloads, name)
            wait(driver, lambda d: os.path.exists(path) and os.path.getsize(path) > 0
                 and not any(f.endswith(".crdownload") for f in os.listdir(downloads)), what=f"{name} downloaded")
            with open(path, encoding="utf-8") as f:
                return path, f.read()

        # Save as JSON: the agreement the page holds, which the tool checks as it checks the bundled file.
        driver.find_element(By.ID, "save-json").click()
        saved_path, saved = downloaded("norrstrom-fjallviken.json")
        assert json.loads(saved) == driver.execute_script("return window.__avtal.agreement"), saved
        original = os.path.join(SOURCE, "examples", "agreements", "norrstrom-fjallviken.json")
        assert without_digest(cli("check", saved_path, "--format", "json")) == without_digest(cli("check", original, "--format", "json"))
        # Download the memo: the tool's Markdown memo of the same agreement.
        driver.find_element(By.ID, "download-memo").click()
        wait(driver, lambda d: d.find_element(By.ID, "toolbar-status").text == "Promemorian är nedladdad.", what="the status 'nedladdad'")
        _, memo = downloaded("norrstrom-fjallviken.md")
        expected = cli("check", saved_path, "--format", "markdown", "--lang", "sv")
        assert memo.startswith("# ") and "OK – inga fel" in memo, memo[:300]
        assert without_digest(memo) == without_digest(expected), "the downloaded memo differs from avtal check --format markdown"
        # Copy the memo: the same text on the clipboard.
        driver.find_element(By.ID, "copy-memo").click()
        wait(driver, lambda d: d.find_element(By.ID, "toolbar-status").text == "Promemorian är kopierad.", what="the status 'kopierad'")
        copied = driver.execute_async_script("const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));")
        assert copied == memo, copied[:300]
        # Print: the result alone, without the toolbar, the form or the empty portfolio view.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            shown = driver.execute_script("""return Object.fromEntries(['.toolbar', '#agreement-form', '#portfolio', '#results', '#verdict']
                .map(css => { const e = document.querySelector(css); return [css, e ? e.getClientRects().length > 0 : null]; }));""")
            assert shown == {".toolbar": False, "#agreement-form": False, "#portfolio": False, "#results": True, "#verdict": True}, shown
            pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"]
            assert len(pdf) > 1000
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        requests_stay_local(driver, base)
        print(f"save: JSON saved ({len(saved)} bytes) checks as the bundled file; memo downloaded and copied "
              f"({len(memo)} bytes) equal to avtal check --format markdown; print shows the result alone")


def test_escaping(driver, base):
    """Agreement text is user data: a party named like an HTML tag is shown as text, never run."""
    driver.get(base)
    wait(driver, lambda d: d.find_elements(By.ID, "add-party"), what="the form")
    # Typed into the form ...
    driver.find_element(By.ID, "add-party").click()
    type_into(driver, "/parties/0/id", "a")
    type_into(driver, "/parties/0/name", XSS)
    driver.find_element(By.ID, "add-party").click()
    type_into(driver, "/parties/1/id", "b")
    type_into(driver, "/parties/1/name", "<script>window.__xss=2</script>")
    driver.find_element(By.ID, "add-task").click()
    type_into(driver, "/tasks/0/id", "t")
    type_into(driver, "/tasks/0/description", '<svg onload="window.__xss=3"></svg>')
    select(driver, "/tasks/0/contractor", "b")
    by_path(driver, "/tasks/0/principals", "input#f-tasks-0-principals-0").click()
    type_into(driver, "/compensation/money_per_year", "1000")
    select(driver, "/compensation/allocation/key", "fixed_shares")
    type_into(driver, "/compensation/allocation/weights/a", "100")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".allocation"), what="the allocation")
    settle(driver)
    # ... and opened from a file, where the text reaches the service's messages too.
    shown = driver.find_element(By.TAG_NAME, "body").text
    assert XSS in shown and "<script>window.__xss=2</script>" in shown, shown[:2000]
    open_file(driver, {"schema": "avtal/1", "id": "xss", "title": XSS, "parties": [
        {"id": "p", "name": XSS, "kind": "private_company"}, {"id": "q", "name": "Q", "kind": "municipality"}],
        "tasks": [{"id": "t", "description": XSS, "contractor": "p", "principals": ["q"]}]})
    wait(driver, lambda d: verdict(d) == "violations", what="the file's verdict")
    shown = driver.find_element(By.ID, "results").text
    assert XSS in shown, shown[:2000]
    ran = driver.execute_script("""
        return [window.__xss ?? null, document.querySelectorAll('img[src="x"], svg[onload], #results script, #agreement-form script').length]""")
    assert ran == [None, 0], f"user text became markup: {ran}"
    requests_stay_local(driver, base)
    print("escaping: party names, a title and a description written as HTML are shown as text and never run")


def test_headers(base):
    """The service's own answer for the page: a strict Content-Security-Policy, no inline script."""
    for path in ("", "app.js", "style.css"):
        r = urllib.request.urlopen(base + path, timeout=10)
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe" not in csp and "connect-src 'self'" in csp, csp
    with open(os.path.join(SOURCE, "src", "web", "index.html"), encoding="utf-8") as f:
        html = f.read()
    assert not re.search(r"<script(?![^>]*\ssrc=)", html) and " style=" not in html and not re.search(r"\son\w+=", html), "inline script or style in index.html"
    return csp


def ActionTab(driver):
    webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()


def main():
    proc, base = start_service()
    failures = 0
    driver = None
    try:
        print(f"headers: Content-Security-Policy {test_headers(base)}")
        driver = browser()
        for name in WANTED:
            start = time.time()
            try:
                globals()["test_" + name](driver, base)
                print(f"PASS {name} ({time.time() - start:.1f} s)")
            except Exception:
                failures += 1
                traceback.print_exc()
                try:
                    driver.save_screenshot(os.path.join(SHOTS, f"failed-{name}.png"))
                except Exception:
                    pass
                print(f"FAIL {name}")
    finally:
        if driver:
            driver.quit()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"{len(WANTED) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
