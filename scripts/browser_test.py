#!/usr/bin/python3
"""The live pages in a real headless Chromium (Debian's chromium and chromium-driver, through python3-selenium).

Starts optrace-serve on a free loopback port, then:
  /race/valley-bump  AUTO runs the race to its end; RESET, the scrubber and STEP bring it to step 120, where the
                     scoreboard reads 1.34 / 0.03 / 0.02; moving Adam's η slider changes the path and the URL, and
                     reloading that URL shows the same state;
  /stepper           FORWARD and BACKWARD through the graph: L = 0.0713, ∂L/∂w = −0.1774, ∂L/∂b = −0.0887, 0.0392;
  /tune/valley-bump  a sweep runs and draws; clicking a cell opens the race with that learning rate;
  /                  every scenario is listed with its thumbnail; a pasted scenario is refused with its line, or
                     opens as a race.
A bad η is refused beside the racer's controls. On adaptive-zoo (ten racers, one diverged) the page's scoreboard at each
checkpoint equals scoreboard.json's: ranks, losses to four digits, statuses and first crossings.
Saves a screenshot of each page into the folder given by --screenshots (default output/browser) and checks that
none is blank. Prints 'N passed, N failed' and exits 1 on any failure.

Usage: scripts/browser_test.py SERVER_BINARY [--screenshots DIR]
"""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

results = {"passed": 0, "failed": 0}


def check(condition, what):
    if condition:
        results["passed"] += 1
        print("  ok    " + what)
    else:
        results["failed"] += 1
        print("  FAIL  " + what)


def wait(what, predicate, timeout=60):
    """Polls `predicate` until it is truthy (a generous watchdog, not a timing assertion)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # the page may be between states
            pass
        time.sleep(0.05)
    raise TimeoutError(what)


def start_server(binary):
    process = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        process.kill()
        raise RuntimeError("optrace-serve did not start: " + line + process.stderr.read())
    return process, "http://127.0.0.1:" + match.group(1)


def not_blank(driver, path):
    driver.save_screenshot(path)
    colours = driver.execute_script("""
        const c = document.createElement('canvas');
        const img = document.getElementById('map');
        const w = 200, h = 150;
        c.width = w; c.height = h;
        const x = c.getContext('2d');
        if (img) x.drawImage(img, 0, 0, w, h);
        const d = x.getImageData(0, 0, w, h).data;
        const seen = new Set();
        for (let i = 0; i < d.length; i += 4) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]);
        return seen.size;""")
    size = os.path.getsize(path)
    return size, colours


def race_page(driver, base, shots):
    print("race page")
    driver.get(base + "/race/valley-bump")
    wait("race page ready", lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    step = lambda: int(driver.find_element(By.ID, "step-value").text)
    compact = lambda: driver.find_element(By.ID, "compact").text
    driver.find_element(By.ID, "auto").click()
    wait("AUTO reaches step 120", lambda: step() >= 120)
    wait("AUTO runs to the last step", lambda: step() == 200)
    statuses = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#board td.status")]
    check(statuses == ["finished"] * 3, "AUTO runs the race to step 200, every racer finished: %s" % statuses)
    driver.find_element(By.ID, "reset").click()
    check(step() == 0, "RESET goes back to step 0")
    driver.execute_script("const s = document.getElementById('scrubber'); s.value = 119; s.dispatchEvent(new Event('input'));")
    driver.find_element(By.ID, "step").click()
    check(step() == 120, "the scrubber and STEP reach step 120")
    line = compact()
    check(line.endswith("SGD 1.34 · Momentum 0.03 · Adam 0.02"), "the scoreboard at step 120 reads 1.34 / 0.03 / 0.02: " + line)
    ranks = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#board td.rank")]
    check(ranks == ["3", "2", "1"], "ranks at step 120: %s" % ranks)
    driver.execute_script("""
        const c = document.getElementById('paths'), r = c.getBoundingClientRect();
        c.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + 0.42 * r.width, clientY: r.top + 0.5 * r.height, bubbles: true}));""")
    hover = driver.find_element(By.ID, "hover").text
    check(re.search(r"^x -?[0-9.e+-]+ +y -?[0-9.e+-]+ +f [0-9.e+-]+$", hover.split("\n")[0]) is not None and "Adam" in hover and "ξ (" in hover,
          "the pointer shows (x, y, f) and each racer's state: " + hover.split("\n")[0])
    size, colours = not_blank(driver, os.path.join(shots, "race.png"))
    check(size > 50_000 and colours > 50, "race screenshot is not blank (%d bytes, %d colours in the map)" % (size, colours))

    before_pixels = driver.execute_script("return document.getElementById('paths').toDataURL();")
    before_url = driver.current_url
    slider = driver.find_element(By.CSS_SELECTOR, '[data-control="racers[2].lr-slider"]')
    driver.execute_script("arguments[0].value = -1.5; arguments[0].dispatchEvent(new Event('input'));", slider)
    wait("the URL carries Adam's new η", lambda: "0.0316" in urllib.parse.unquote(driver.current_url))
    wait("the path is redrawn", lambda: driver.execute_script("return document.getElementById('paths').toDataURL();") != before_pixels)
    check(driver.current_url != before_url, "moving Adam's η slider changes the URL")
    check(step() == 120, "the change keeps the current step")
    new_line = compact()
    check(new_line != line and new_line.startswith("step 120"), "the scoreboard follows the new η: " + new_line)
    url = driver.current_url
    driver.get(url)
    wait("reloaded page ready", lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    lr = driver.find_element(By.CSS_SELECTOR, '[data-control="racers[2].lr"]').get_attribute("value")
    check(lr == "0.0316", "reloading the URL restores Adam's η (%s)" % lr)
    check(step() == 120 and compact() == new_line, "reloading the URL restores the step and the scoreboard")
    driver.save_screenshot(os.path.join(shots, "race-changed.png"))

    lr_input = driver.find_element(By.CSS_SELECTOR, '[data-control="racers[1].lr"]')
    driver.execute_script("arguments[0].value = -1; arguments[0].dispatchEvent(new Event('change'));", lr_input)
    error = wait("the refusal is shown", lambda: driver.find_element(By.CSS_SELECTOR, '[data-error-for="racers[1]"]').text)
    check("racers[1].lr" in error and "> 0" in error, "a bad η is refused beside its racer's controls: " + error)


def scoreboard_rules(driver, base, shots):
    """The page's scoreboard at each checkpoint of adaptive-zoo (ten racers, one diverged) equals scoreboard.json's."""
    print("scoreboard rules")
    request = urllib.request.Request(base + "/api/race/file/scoreboard.json", data=b'{"scenario": "adaptive-zoo"}',
                                     headers={"Content-Type": "application/json"})
    document = json.load(urllib.request.urlopen(request))
    driver.get(base + "/race/adaptive-zoo")
    wait("adaptive-zoo ready", lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    for step in document["checkpoints"]:
        driver.execute_script("const s = document.getElementById('scrubber'); s.value = arguments[0]; s.dispatchEvent(new Event('input'));", step)
        rows = driver.find_elements(By.CSS_SELECTOR, "#board tbody tr")
        page = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in rows]
        expected = []
        for racer in document["racers"]:
            entry = next(c for c in racer["checkpoints"] if c["step"] == step)
            below = racer["first_step_below_threshold"]
            expected.append([
                "—" if entry["rank"] is None else str(entry["rank"]), racer["name"],
                "—" if entry["loss"] is None else ("%.4g" % entry["loss"]).replace("e-0", "e-0"), entry["status"],
                str(below) if below is not None and below <= step else "—"])
        check(page == expected, "step %d: the page's scoreboard is scoreboard.json's (ranks, losses, statuses, first crossings)" % step)
        if page != expected:
            for a, b in zip(page, expected):
                if a != b:
                    print("        page %s\n        json %s" % (a, b))


def stepper_page(driver, base, shots):
    print("stepper page")
    driver.get(base + "/stepper")
    wait("stepper ready", lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    forward = driver.find_element(By.ID, "forward")
    backward = driver.find_element(By.ID, "backward")
    presses = 0
    while forward.is_enabled() and presses < 100:
        forward.click()
        presses += 1
    check(presses == 12, "FORWARD fills the 12 nodes one press at a time (%d presses)" % presses)
    values = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#graph text.value")]
    check(all(values) and len(values) == 12, "every node shows its value after the forward pass")
    while backward.is_enabled() and presses < 200:
        backward.click()
        presses += 1
    readouts = [e.text.replace("−", "-") for e in driver.find_elements(By.CSS_SELECTOR, "#readouts .v")]
    check(readouts == ["0.0713", "-0.1774", "-0.0887", "0.0392"], "the readouts read L, ∂L/∂w, ∂L/∂b, the loss after a step: %s" % readouts)
    adjoints = driver.find_elements(By.CSS_SELECTOR, "#graph text.adjoint")
    check(len(adjoints) == 12, "the backward sweep gives every node its ∂L/∂node (%d)" % len(adjoints))
    driver.save_screenshot(os.path.join(shots, "stepper.png"))
    check(os.path.getsize(os.path.join(shots, "stepper.png")) > 30_000, "stepper screenshot is not blank")
    driver.find_element(By.ID, "preset-B").click()
    wait("preset B loaded", lambda: driver.find_element(By.CSS_SELECTOR, '[data-variable="y"]').get_attribute("value") == "0")
    driver.find_element(By.ID, "all").click()
    readouts = [e.text.replace("−", "-") for e in driver.find_elements(By.CSS_SELECTOR, "#readouts .v")]
    check(float(readouts[2]) > 0, "preset B flips the sign of ∂L/∂b: %s" % readouts)
    expression = driver.find_element(By.ID, "expression")
    driver.execute_script("arguments[0].value = 'x^2*y + sin(x)'; arguments[0].dispatchEvent(new Event('change'));", expression)
    wait("the new expression's inputs", lambda: {e.get_attribute("data-variable") for e in driver.find_elements(By.CSS_SELECTOR, "#inputs input")} == {"x", "y"})
    driver.find_element(By.ID, "all").click()
    nodes = driver.find_elements(By.CSS_SELECTOR, "#graph text.adjoint")
    check(len(nodes) >= 5, "an expression typed in gets its own graph and sweep (%d nodes)" % len(nodes))


def tune_page(driver, base, shots):
    print("tuning page")
    driver.get(base + "/tune/valley-bump")
    wait("tune page ready", lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "loaded")
    driver.find_element(By.ID, "p1-n").clear()
    driver.find_element(By.ID, "p1-n").send_keys("16")
    driver.find_element(By.ID, "run").click()
    wait("the sweep runs", lambda: "best" in driver.find_element(By.ID, "status").text, timeout=120)
    check("best: lr = " in driver.find_element(By.ID, "status").text, "the sweep reports its best learning rate")
    driver.save_screenshot(os.path.join(shots, "tune.png"))
    picture = driver.find_element(By.ID, "plot")
    wait("the picture shows", lambda: driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0;", picture))
    # A point inside the plot (which spans most of the picture's width): any cell will do.
    driver.execute_script("""
        const img = arguments[0], r = img.getBoundingClientRect();
        img.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + 0.45 * r.width, clientY: r.top + 0.5 * r.height, bubbles: true}));
        img.dispatchEvent(new MouseEvent('click', {clientX: r.left + 0.45 * r.width, clientY: r.top + 0.5 * r.height, bubbles: true}));""", picture)
    wait("the race opens", lambda: "/race/valley-bump" in driver.current_url)
    check("racers=" in driver.current_url, "clicking a cell opens the race with that configuration")


def index_page(driver, base, shots):
    print("index page")
    driver.get(base + "/")
    wait("scenarios listed", lambda: len(driver.find_elements(By.CSS_SELECTOR, "#scenarios .card")) >= 10)
    wait("thumbnails loaded", lambda: driver.execute_script(
        "return [...document.querySelectorAll('#scenarios img')].every(i => i.complete && i.naturalWidth > 0);"), timeout=120)
    check(True, "every scenario is listed with a thumbnail")
    driver.save_screenshot(os.path.join(shots, "index.png"))
    yaml = ("name: my-bowl\ntitle: My own bowl\nsurface:\n  expr: x^2 + 10*y^2\n  domain: {x: [-3, 3], y: [-2, 2]}\n"
            "start: [-2.5, 1.5]\nsteps: 60\nracers:\n  - {name: SGD, optimizer: sgd, lr: 0.05}\n  - {name: Adam, optimizer: adam, lr: 0.1}\n")
    area = driver.find_element(By.ID, "yaml")
    driver.execute_script("arguments[0].value = arguments[1];", area, yaml.replace("lr: 0.05", "lr: fast"))
    driver.find_element(By.ID, "open-yaml").click()
    error = wait("the pasted scenario is refused", lambda: driver.find_element(By.CSS_SELECTOR, '[data-error-for="yaml"]').text)
    check(error.startswith("scenario.yaml:9:") and "racers[0].lr" in error, "a bad pasted scenario is refused with its line: " + error)
    driver.execute_script("arguments[0].value = arguments[1];", area, yaml)
    driver.find_element(By.ID, "open-yaml").click()
    wait("the pasted scenario's race", lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    check(driver.find_element(By.ID, "title").text == "My own bowl", "a pasted scenario opens as a race")


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = args[0]
    shots = "output/browser"
    if "--screenshots" in args:
        shots = args[args.index("--screenshots") + 1]
    os.makedirs(shots, exist_ok=True)
    server, base = start_server(binary)
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for page in (race_page, scoreboard_rules, stepper_page, tune_page, index_page):
            try:
                page(driver, base, shots)
            except Exception as error:  # one page's failure is reported, the others still run
                check(False, "%s: %s: %s" % (page.__name__, type(error).__name__, error))
    finally:
        driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    check(server.returncode == 0, "optrace-serve stops cleanly on Ctrl-C (SIGINT; exit %s)" % server.returncode)
    print("browser: %d passed, %d failed" % (results["passed"], results["failed"]))
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
