#!/usr/bin/python3
"""Drives the page of `photocheck serve` in headless Chromium (Debian's chromium and
chromium-driver, through python3-selenium), as a student would: chooses photos, waits for their
verdicts, switches the language, presses the fix button where there is one and waits for the
download, and takes screenshots on a 390x844 phone viewport and a desktop one.

Prints one JSON object on standard output: {"verdicts": {file: verdict}, "english_title": …,
"downloads": [names], "fix_verdicts": {file: verdict}, "screenshots": [paths], "console": [...]}.
Exits non-zero (with the reason on standard error) when the browser cannot be driven.
"""
import argparse
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def browser(width, height, downloads):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if width < 600:
        # A phone: the viewport's CSS size and touch, as Chromium's device mode gives it.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def upload(driver, photos, timeout):
    field = driver.find_element(By.ID, "files")
    field.send_keys("\n".join(photos))
    wait = WebDriverWait(driver, timeout)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "section.card")) == len(photos)
               and not d.find_elements(By.CSS_SELECTOR, "[data-verdict=wait]"))
    verdicts = {}
    for card in driver.find_elements(By.CSS_SELECTOR, "section.card"):
        verdicts[card.get_attribute("data-file")] = card.find_element(By.CSS_SELECTOR, "[data-verdict]").get_attribute("data-verdict")
    return verdicts


def full_page_shot(driver, path, width):
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(int(height) + 20, 6000), "deviceScaleFactor": 1, "mobile": width < 600})
    driver.save_screenshot(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("photos", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    downloads = os.path.join(args.out, "downloads")
    os.makedirs(downloads, exist_ok=True)
    result = {"screenshots": [], "downloads": [], "fix_verdicts": {}, "console": []}

    # The phone: the page as a student opens it, in Chinese, then in English.
    driver = browser(390, 844, downloads)
    try:
        driver.get(args.url)
        result["verdicts"] = upload(driver, args.photos, args.timeout)
        driver.save_screenshot(os.path.join(args.out, "phone-390x844.png"))
        result["screenshots"].append(os.path.join(args.out, "phone-390x844.png"))
        result["zh_title"] = driver.find_element(By.TAG_NAME, "h1").text
        fix_buttons = driver.find_elements(By.CSS_SELECTOR, "button.fix")
        if fix_buttons:
            card = fix_buttons[0].find_element(By.XPATH, "ancestor::section")
            name = card.get_attribute("data-file")
            fix_buttons[0].click()
            WebDriverWait(driver, args.timeout).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, f"section.card[data-file='{name}'] [data-fix-verdict], section.card[data-file='{name}'] .fixresult .error"))
            marks = driver.find_elements(By.CSS_SELECTOR, f"section.card[data-file='{name}'] [data-fix-verdict]")
            if marks:
                result["fix_verdicts"][name] = marks[0].get_attribute("data-fix-verdict")
            deadline = time.time() + args.timeout
            while time.time() < deadline:
                done = [f for f in os.listdir(downloads) if not f.endswith(".crdownload")]
                if done:
                    break
                time.sleep(0.2)
            result["downloads"] = sorted(f for f in os.listdir(downloads) if not f.endswith(".crdownload"))
            card = driver.find_element(By.CSS_SELECTOR, f"section.card[data-file='{name}']")
            driver.execute_script("arguments[0].scrollIntoView()", card)
            driver.save_screenshot(os.path.join(args.out, "phone-390x844-fixed.png"))
            result["screenshots"].append(os.path.join(args.out, "phone-390x844-fixed.png"))
        full_page_shot(driver, os.path.join(args.out, "phone-390-full.png"), 390)
        result["screenshots"].append(os.path.join(args.out, "phone-390-full.png"))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        driver.find_element(By.ID, "lang").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "h1").text != result["zh_title"])
        result["english_title"] = driver.find_element(By.TAG_NAME, "h1").text
        result["english_badges"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "[data-verdict]")]
        result["overflow_px"] = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        result["console"] += [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    finally:
        driver.quit()

    # The desktop.
    driver = browser(1280, 900, downloads)
    try:
        driver.get(args.url)
        upload(driver, args.photos, args.timeout)
        driver.save_screenshot(os.path.join(args.out, "desktop-1280x900.png"))
        result["screenshots"].append(os.path.join(args.out, "desktop-1280x900.png"))
        full_page_shot(driver, os.path.join(args.out, "desktop-1280-full.png"), 1280)
        result["screenshots"].append(os.path.join(args.out, "desktop-1280-full.png"))
        result["console"] += [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    finally:
        driver.quit()
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
