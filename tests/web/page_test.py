#!/usr/bin/env python3
"""Browser tests of the web page for officials (issue 17), in a real
headless Chromium driven by Selenium, against an `avtal serve` this test
starts itself on 127.0.0.1 and a port the service picks, and stops.

usage: page_test.py AVTAL_BINARY AXE_JS SCREENSHOT_DIR [TEST...]
Tests: typing, flawed, axe, keyboard (all by default).
"""
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

AVTAL, AXE_JS, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
WANTED = sys.argv[4:] or ["typing", "flawed", "axe", "keyboard"]
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


def verdict(driver):
    return driver.execute_script("return document.getElementById('verdict')?.dataset.verdict || null")


def settle(driver):
    """Waits until the page has no check in flight and its result is shown."""
    time.sleep(0.4)
    wait(driver, lambda d: d.execute_script("return document.getElementById('results').children.length > 0"), what="a result")


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
    urls = driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => e.name)")
    foreign = [u for u in urls if not (u.startswith(base) or u.startswith("data:") or u.startswith("blob:"))]
    assert not foreign, f"requests left the service: {foreign}"
    return len(urls)


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
              "procurement_parameter", "division_of_work"):
        driver.find_element(By.ID, f"f-clauses-{c}").click()
    wait(driver, lambda d: verdict(d) == "ok", what="verdict ok")
    results = driver.find_element(By.ID, "results").text
    assert "OK" in results, results
    row = driver.find_element(By.CSS_SELECTOR, '[data-task="familjebehandling"] tr[data-exception="exception.direct_award"]')
    assert "Ja" in row.text, row.text
    allocation = driver.find_element(By.CSS_SELECTOR, ".allocation").text
    assert "Fjällvikens kommun" in allocation and "5\u00a0000\u00a0000\u00a0kr" in allocation.replace(" ", "\u00a0"), allocation
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(SHOTS, "web-norrstrom-ok.png"))
    # Edit a figure twenty times, a keystroke at a time with a pause longer than
    # the page's debounce, so that each keystroke is one check round trip.
    value = driver.find_element(By.CSS_SELECTOR, '[data-path="/tasks/0/annual_value"] input')
    for i in range(20):
        before = driver.execute_script("return window.__avtal.timings.length")
        value.send_keys(Keys.BACK_SPACE, str(i % 10))
        wait(driver, lambda d: d.execute_script("return window.__avtal.timings.length") > before, what="a check round trip")
    wait(driver, lambda d: verdict(d) == "ok", what="verdict ok after the edits")
    n = requests_stay_local(driver, base)
    # The check round trips as the user typed, measured in the page (Performance API).
    timings = driver.execute_script("return window.__avtal.timings")
    timings = sorted(timings)
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    print(f"typing: verdict ok; {len(timings)} check round trips, median {statistics.median(timings):.1f} ms, "
          f"p95 {p95:.1f} ms; {n} requests, all to the service")


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
          .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
          .filter(e => e.type !== 'radio')
          .map((e, i) => { e.dataset.kb = 'k' + i; return 'k' + i; });""")
    radios = driver.execute_script("return [...new Set([...document.querySelectorAll('input[type=radio]')].map(e => e.name))]")
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    seen, groups = set(), set()
    for _ in range(len(controls) + len(radios) + 20):
        ActionTab(driver)
        kb, kind, name = driver.execute_script("const a = document.activeElement; return [a.dataset.kb || '', a.type || '', a.name || '']")
        seen.add(kb)
        if kind == "radio":
            groups.add(name)
    missing = [c for c in controls if c not in seen]
    described = driver.execute_script("return arguments[0].map(k => { const e = document.querySelector(`[data-kb=${k}]`); return e.id || e.textContent.trim().slice(0, 40); })", missing[:10])
    assert not missing, f"not reachable with Tab: {described} ({len(controls) - len(missing)} of {len(controls)} reached)"
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


def ActionTab(driver):
    webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()


def main():
    proc, base = start_service()
    failures = 0
    driver = None
    try:
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
