"""K-SCON's first hour in a real browser (issue 14), run by e2e/run.sh.

Each role's journey runs in Korean and English and at 1280 and 390 px, in headless Chromium
driven by Selenium. It asserts what a person sees: the error next to its field, the input
kept, the confirmation step, labelled table cells on a phone, no string keys, no English in
the frame of a Korean page, readable amounts. Screenshots of every step go to
$SCON_E2E_SCREENSHOTS. Exits 1 with the list of failures.
"""
import base64
import hashlib
import hmac
import os
import re
import sqlite3
import struct
import sys
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["SCON_E2E_BASE"]
PASSWORD = os.environ["SCON_E2E_PASSWORD"]
OUT = os.environ["SCON_E2E_SCREENSHOTS"]
DB = os.environ["SCON_E2E_DB"]
WIDTHS = {"desk": (1280, 900), "phone": (390, 844)}
# The runs: every journey in each language, once at each width.
RUNS = [("ko", "desk"), ("en", "phone"), ("ko", "phone"), ("en", "desk")]

failures = []
steps = 0


def check(condition, message):
    global steps
    steps += 1
    if not condition:
        failures.append(message)
        print("  FAIL", message, flush=True)
    return condition


def totp(secret_b32, at=None):
    """RFC 6238 (SHA-1, 6 digits, 30 s), as an authenticator app computes it."""
    key = base64.b32decode(secret_b32.replace(" ", "").upper() + "=" * (-len(secret_b32.replace(" ", "")) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (number % 1_000_000), counter


def query(sql, *args):
    with sqlite3.connect(DB) as connection:
        return connection.execute(sql, args).fetchall()


# Words that may appear in the frame of a Korean page: names, codes and units.
LATIN_ALLOWED = {"K-SCON", "SCON", "ASEAN", "ASCN", "IATI", "API", "KRW", "USD", "PIS", "MOU", "B2B", "G2G",
                 "ODA", "CSV", "JSON", "GeoJSON", "PDF", "ICS", "iCalendar", "QR", "URL", "ID", "OpenAPI",
                 "TOTP", "MOLIT", "KOICA", "LH", "KAIA", "KIND", "EDCF", "PPP", "KDI", "SDG", "ICT",
                 "Natural", "Earth", "GeoNames", "YYYY-MM-DD", "JPEG", "PNG", "PDF", "Pre-F", "F/S"}
KEY_PATTERN = re.compile(r"(?<![\w@/.-])([a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+)(?![\w/@-])")
FILE_ENDINGS = {"pdf", "json", "geojson", "xml", "csv", "ics", "zip", "png", "svg", "txt", "org", "com",
                "example", "kr", "net", "html", "go", "int"}


class Person:
    """One browser, signed in as one account (or a visitor)."""

    def __init__(self, name, email=None):
        self.name, self.email, self.secret, self.last_step = name, email, None, -1
        options = Options()
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en-US"):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                                       options=options)
        self.driver.implicitly_wait(0)
        self.lang, self.width = "en", "desk"

    # -- moving around
    def set(self, lang, width):
        self.width = width
        self.driver.set_window_size(*WIDTHS[width])
        if lang != self.lang or self.driver.current_url in ("data:,", "about:blank"):
            self.lang = lang
            self.open("/language/%s?next=/" % lang)

    def open(self, path):
        self.driver.get(BASE + path)
        return self

    def path(self):
        return self.driver.current_url[len(BASE):]

    def find(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def one(self, css):
        found = self.find(css)
        if not found:
            raise AssertionError("%s: no element %s on %s" % (self.name, css, self.path()))
        return found[0]

    def text(self):
        return self.one("body").text

    def type(self, name, value):
        field = self.one('[name="%s"]' % name)
        field.clear()
        field.send_keys(value)

    def choose(self, name, value):
        Select(self.one('select[name="%s"]' % name)).select_by_value(value)

    def submit(self, form_css="main form.stacked, main form[novalidate]"):
        self.click(self.one(form_css).find_element(By.CSS_SELECTOR, 'button[type="submit"]'))

    def click(self, element):
        """Clicks and waits for the next page, as a person waits before reading it."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        def gone(_):
            try:
                page.is_enabled()
                return False
            except WebDriverException:  # stale, or detached while the next page loads
                return True
        WebDriverWait(self.driver, 15).until(gone)
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def shot(self, step):
        """A full-page screenshot named role-step-lang-width.png."""
        name = "%s-%s-%s-%s.png" % (self.name.replace(" ", "-"), step, self.lang, self.width)
        width, height = WIDTHS[self.width]
        full = self.driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
        self.driver.set_window_size(width, max(height, full))
        self.driver.save_screenshot(os.path.join(OUT, name))
        self.driver.set_window_size(width, height)

    # -- signing in, with the authenticator an app would be
    def sign_in(self, password=PASSWORD):
        self.open("/signin")
        self.type("email", self.email)
        self.type("password", password)
        self.submit("main form")
        landed = self.path()
        if self.path().startswith("/account/two-factor"):
            self.secret = self.one("code.token").text
            self.type("code", self.code())
            self.submit("main form[action='/account/two-factor']")
            check(len(self.find("main li code, main .recovery-codes code, main code")) >= 10,
                  "%s: ten recovery codes are shown once after setting up two-factor sign-in" % self.name)
        elif self.path().startswith("/signin/second-factor"):
            self.type("code", self.code())
            self.submit("main form")
        else:
            check(landed.startswith("/home"), "%s: signing in lands on the person's home (%s)" % (self.name, landed))
        return self

    def code(self):
        while True:
            code, step = totp(self.secret)
            if step > self.last_step:
                self.last_step = step
                return code
            time.sleep(1)

    # -- what every page must be
    def page_checks(self, where):
        html_lang = self.one("html").get_attribute("lang")
        check(html_lang == self.lang, "%s %s: the page is in %s, not %s (%s)" % (self.name, where, html_lang, self.lang, self.path()))
        body = self.text()
        for key in KEY_PATTERN.findall(body):
            if key.split(".")[-1] not in FILE_ENDINGS:
                check(False, "%s %s: the page shows the key %r (%s)" % (self.name, where, key, self.path()))
        if self.lang == "ko":
            breaking = self.driver.execute_script("return getComputedStyle(document.body).wordBreak")
            check(breaking == "keep-all", "%s %s: Korean words may break mid-word (word-break %s)" % (self.name, where, breaking))
            frame = self.driver.execute_script("""
                const parts = [];
                // The frame: what the platform itself says. Names and people's own text are
                // marked translate="no" or carry their own lang, and are left out.
                for (const el of document.querySelectorAll('nav a, nav button, label, button, th, legend, caption, .hint, .field-error, .error-summary h2, footer p')) {
                    const own = el.closest('[lang]');
                    if (el.closest('[translate=no]') || (own && own.getAttribute('lang') !== document.documentElement.lang)) continue;
                    const copy = el.cloneNode(true);
                    for (const inner of copy.querySelectorAll('[translate=no], [lang]'))
                        if (inner.getAttribute('translate') === 'no' || inner.getAttribute('lang') !== document.documentElement.lang) inner.remove();
                    parts.push(copy.textContent);
                }
                return parts.join('\\n');""")
            frame = re.sub(r"https?://\S+|\b[\w.-]+@[\w.-]+|\b[A-Z][a-z]+/[A-Z][A-Za-z_]+", " ", frame)
            words = {w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", frame)
                     if w not in LATIN_ALLOWED and not re.fullmatch(r"[A-Z0-9-]{2,6}", w)}
            check(not words, "%s %s: English in the frame of a Korean page: %s (%s)" % (self.name, where, sorted(words)[:8], self.path()))
        if self.width == "phone":
            menu = self.driver.execute_script(
                "const n = document.querySelector('header nav, nav'); return n ? n.getBoundingClientRect().height : 0")
            check(menu <= 0.25 * WIDTHS["phone"][1],
                  "%s %s: the menu takes %d px of an 844 px phone screen" % (self.name, where, menu))
            unlabelled = self.driver.execute_script("""
                let n = 0;
                for (const td of document.querySelectorAll('table td')) {
                    const table = td.closest('table'), head = table.querySelector('thead');
                    if (!head || getComputedStyle(head).display !== 'none' && getComputedStyle(head).position !== 'absolute') continue;
                    const before = getComputedStyle(td, '::before').content;
                    if ((!before || before === 'none' || before === '""') && td.innerText.trim() !== '') n++;
                }
                return n;""")
            check(unlabelled == 0, "%s %s: %d stacked table cells without their label on a phone (%s)" % (self.name, where, unlabelled, self.path()))

    def error_next_to(self, field):
        """The field's error sits in the same .field block as the input and is visible."""
        errors = self.find("#f-%s-error" % field)
        if not check(bool(errors), "%s: no error next to %s (%s)" % (self.name, field, self.path())):
            return ""
        error = errors[0]
        same = self.driver.execute_script(
            "const e = arguments[0], f = document.getElementById(arguments[1]);"
            "return !!f && e.closest('.field') === f.closest('.field');", error, "f-" + field)
        check(same, "%s: the error of %s is not next to its field" % (self.name, field))
        return error.text

    def in_view(self, element):
        return self.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight;", element)

    def quit(self):
        self.driver.quit()


def visitor_signs_up(person, lang, width, n):
    """A newcomer from an ASEAN city: the home page leads to the open call, its Apply button
    to sign-up, and once signed in to the request to join an organisation."""
    person.set(lang, width)
    person.open("/")
    person.page_checks("home")
    person.shot("home")
    call = query("select lower(id) from calls where state = 'open' order by created_at limit 1")[0][0]
    check(bool(person.find('main a[href="/calls/%s"]' % call)), "home: the open call is mentioned with a link")
    person.open("/calls/%s" % call)
    check(bool(person.find("#how-to-apply")), "call: a 'how to apply' section")
    apply = person.find("main .call-to-action a.button")
    if check(bool(apply), "call: a clear call to action"):
        person.click(apply[0])
    check(person.path().startswith("/signup"), "call: a visitor's Apply leads to sign-up (%s)" % person.path())
    person.open("/signup")
    email = "new-%s-%s-%d@e2e.example" % (lang, width, n)
    person.type("email", email)
    person.type("displayName", "Nguyen Van %d" % n)
    person.type("password", "short")
    person.submit("main form")
    message = person.error_next_to("password")
    check("12" in message, "signup: the password error says the rule (12 characters): %r" % message)
    check(person.one("#f-email").get_attribute("value") == email, "signup: the e-mail typed is kept after an error")
    person.page_checks("sign-up error")
    person.shot("signup-error")
    person.type("password", "a long enough passphrase %d" % n)
    person.choose("language", lang)
    person.submit("main form")
    check(person.path().startswith(("/account", "/signin?created")) or person.path() == "/",
          "signup: a new account lands on its page or signs in (%s)" % person.path())
    person.page_checks("after sign-up")
    person.shot("after-signup")
    person.email = email
    person.sign_in(password="a long enough passphrase %d" % n)
    person.open("/account/organisations")
    organisation = query("select lower(organisation_id) from proposals order by created_at limit 1")[0][0]
    before = query("select count(*) from organisation_join_requests")[0][0]
    person.type("message", "")
    person.choose("organisation", organisation)
    person.click(person.one("main form[action$='/join'] button[type=submit]"))
    person.error_next_to("message")
    check(Select(person.one('select[name="organisation"]')).first_selected_option.get_attribute("value") == organisation,
          "join: the organisation chosen is kept after an error")
    check(query("select count(*) from organisation_join_requests")[0][0] == before, "join: a request without a message writes nothing")
    person.type("message", "I work on drainage in this city's public works office.")
    person.click(person.one("main form[action$='/join'] button[type=submit]"))
    check(query("select count(*) from organisation_join_requests")[0][0] == before + 1, "join: the request is recorded")
    person.page_checks("join requested")
    person.shot("join-requested")
    help_links = [a for a in person.find("footer a") if a.get_attribute("href").endswith("/help")]
    if check(bool(help_links), "every page's footer links the help page"):
        person.click(help_links[0])
        person.page_checks("help")
        person.shot("help")
    person.driver.delete_all_cookies()
    person.lang = None


def applicant_drafts_and_submits(person, lang, width, n):
    person.set(lang, width)
    # A newcomer asked to join the applicant's organisation (the visitor's journey): a member
    # sees it among what is due and approves it on the organisation's page.
    organisation = query("select lower(organisation_id) from proposals order by created_at limit 1")[0][0]
    pending = query("select count(*) from organisation_join_requests where state = 'pending'")[0][0]
    person.open("/organisations/%s" % organisation)
    approve = person.find("main form input[name=decision][value=approve]")
    if check(pending == 0 or bool(approve), "join: a member sees the pending request with Approve (%d pending)" % pending) and approve:
        person.page_checks("join request to decide")
        person.shot("join-request")
        person.click(approve[0].find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button"))
        check(query("select count(*) from organisation_join_requests where state = 'pending'")[0][0] == pending - 1, "join: approving decides the request")
    call = query("select lower(id) from calls where state = 'open' order by created_at limit 1")[0][0]
    person.open("/calls/%s" % call)
    person.page_checks("call")
    person.shot("call")
    person.open("/calls/%s/proposals/new" % call)
    person.type("title", "")
    person.type("budget", "250000000")
    person.type("problem", "Flooding in the old town %d" % n)
    person.choose("language", "en")  # what the proposal is written in
    person.submit("main form.stacked")
    person.error_next_to("title")
    check(person.one("#f-budget").get_attribute("value") == "250000000", "draft: the budget typed is kept after an error")
    check("Flooding in the old town %d" % n in person.one("#f-problem").get_attribute("value"), "draft: the problem typed is kept")
    person.page_checks("draft error")
    person.shot("draft-error")
    person.type("title", "Smart drainage for the old town %d" % n)
    person.submit("main form.stacked")
    check(re.match(r"^/proposals/[0-9a-f-]{36}", person.path()) is not None, "draft: saving leads to the proposal (%s)" % person.path())
    person.page_checks("proposal")
    submit = [f for f in person.find("main form") if (f.get_attribute("action") or "").endswith("/submit")]
    if check(bool(submit), "draft: the proposal page offers to submit"):
        person.click(submit[0].find_element(By.CSS_SELECTOR, "button"))
        alerts = [a.text for a in person.find("main [role=alert], main .alert, main .notice")]
        check(any(a.strip() for a in alerts), "submit: the page says why the proposal cannot be submitted yet")
        failed = person.find("main li.failed")
        check(len(failed) >= 2, "submit: the eligibility checklist shows what is not met (%d)" % len(failed))
        if lang == "ko":
            check(any("억" in li.text or "원" in li.text for li in person.find("main li")), "submit: amounts read in won in the checklist")
        else:
            check(any("KRW 250,000,000" in li.text for li in person.find("main li")), "submit: the budget reads with separators in the checklist")
        person.page_checks("submit refused")
        person.shot("submit-refused")
        state = query("select state from proposals where title = ?", "Smart drainage for the old town %d" % n)
        check(state and state[0][0] == "draft", "submit: the ineligible proposal stays a draft (%s)" % state)


def reviewer_profile_keeps_ticks(person, lang, width, n):
    person.set(lang, width)
    person.open("/account/reviewer")
    for value in ("water", "transport"):
        box = person.one('input[name="sectors[]"][value="%s"]' % value)
        if not box.is_selected():
            person.driver.execute_script("arguments[0].click()", box)
    person.type("unavailable", "2026-13-45 until later")
    person.submit("main form.stacked")
    person.error_next_to("unavailable")
    for value in ("water", "transport"):
        check(person.one('input[name="sectors[]"][value="%s"]' % value).is_selected(),
              "reviewer profile: the ticked sector %s is kept after a bad period" % value)
    person.page_checks("reviewer profile error")
    person.shot("reviewer-profile-error")
    person.open("/reviews")
    person.page_checks("reviews")
    person.shot("reviews")


def officer_confirms(person, lang, width, n):
    person.set(lang, width)
    person.open("/calls")
    person.page_checks("calls")
    person.shot("calls")
    # An irreversible move asks first: dropping a project.
    project = query("select lower(id) from projects where stage not in ('dropped', 'completed') order by code limit 1")[0][0]
    person.open("/projects/%s" % project)
    person.page_checks("project")
    forms = [f for f in person.find("main form") if f.find_elements(By.CSS_SELECTOR, "input[name=to][value=dropped]")]
    if check(bool(forms), "officer: the project page offers to drop the project (%s)" % person.path()):
        form = forms[0]
        opener = form.find_elements(By.XPATH, "ancestor::details/summary")
        if opener:
            opener[0].click()
        for area in form.find_elements(By.CSS_SELECTOR, "textarea, input[type=text]"):
            area.send_keys("No counterpart funding")
        person.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        check(bool(person.find("input[name=confirm][value=yes]")), "drop: a confirmation step comes first")
        check(button_is_danger(person), "drop: the confirming button is styled as destructive")
        person.page_checks("confirm drop")
        person.shot("confirm-drop")
        stage = query("select stage from projects where lower(id) = ?", project)[0][0]
        check(stage != "dropped", "drop: nothing happens before confirming (stage %s)" % stage)
    person.open("/admin/users" if person.name == "officer" else "/")


def button_is_danger(person):
    buttons = person.find("main form button[type=submit]")
    return any("danger" in (b.get_attribute("class") or "") for b in buttons)


def fund_books(person, lang, width, n):
    person.set(lang, width)
    person.open("/fund")
    person.page_checks("fund")
    text = person.text()
    if lang == "ko":
        check(re.search(r"\d[\d,.]*\s*(조|억|만)", text) is not None, "fund: Korean amounts read in 조/억/만")
    else:
        check(re.search(r"KRW [\d.,]+ (trillion|billion|million)", text) is not None, "fund: English amounts read with a unit")
    person.shot("fund")
    project = query("select lower(id) from projects where code = 'SAMPLE-PIS-KH-01'")[0][0]
    person.open("/projects/%s" % project)
    before = query("select count(*) from ledger_transactions")[0][0]
    person.choose("movement", "disbursement")
    person.type("amount", "9,000,000,000,000")
    person.click(person.one("#f-amount").find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]"))
    errors = person.find(".error-summary, .field-error, .notice.error, [role=alert]")
    check(bool(errors) and any(person.in_view(e) for e in errors), "booking: the refusal is shown in view")
    check(Select(person.one('select[name="movement"]')).first_selected_option.get_attribute("value") == "disbursement",
          "booking: the movement chosen is kept after a refusal")
    check(person.one("#f-amount").get_attribute("value") == "9,000,000,000,000", "booking: the amount typed is kept")
    check(query("select count(*) from ledger_transactions")[0][0] == before, "booking: a refused booking writes nothing")
    person.page_checks("booking refused")
    person.shot("booking-refused")
    person.choose("movement", "commitment")
    person.type("amount", "1,000,000")
    instruments = [o.get_attribute("value") for o in person.find('select[name="instrument"] option') if o.get_attribute("value")]
    person.choose("instrument", instruments[0])
    person.click(person.one("#f-amount").find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check(query("select count(*) from ledger_transactions")[0][0] == before + 1, "booking: an amount with thousands separators is booked")
    person.page_checks("booked")
    person.shot("booked")


def focal_point_endorses(person, lang, width, n):
    person.set(lang, width)
    person.open("/")
    person.page_checks("home")
    person.shot("home")
    call = query("select lower(id) from calls order by created_at limit 1")[0][0]
    person.open("/calls/%s/endorsements/TH" % call)
    person.page_checks("endorsements")
    person.shot("endorsements")


def language_is_kept(lang):
    """A visitor who chose a language keeps it when signing in (the account's is Korean)."""
    person = Person("language", "member@e2e.example")
    try:
        person.set(lang, "desk")
        person.sign_in()
        check(person.one("html").get_attribute("lang") == lang, "sign-in keeps the visitor's language %s" % lang)
    finally:
        person.quit()


JOURNEYS = [
    ("visitor", None, visitor_signs_up),
    ("applicant", "member@e2e.example", applicant_drafts_and_submits),
    ("reviewer", "reviewer@e2e.example", reviewer_profile_keeps_ticks),
    ("officer", "officer@e2e.example", officer_confirms),
    ("fund manager", "fund@e2e.example", fund_books),
    ("focal point", "focal@e2e.example", focal_point_endorses),
]


def main():
    started = time.time()
    only = os.environ.get("SCON_E2E_ONLY")
    for lang in ("en", "ko"):
        language_is_kept(lang)
    for role, email, journey in JOURNEYS:
        if only and role != only:
            continue
        person = Person(role, email)
        try:
            if email:
                person.set("en", "desk")
                person.sign_in()
            for n, (lang, width) in enumerate(RUNS):
                print("%s: %s at %s" % (role, lang, width), flush=True)
                try:
                    if email:  # every role has a home: what is due, what it owns, what is next
                        person.set(lang, width)
                        person.open("/home")
                        check(bool(person.find("main .home-card")) or bool(person.find("main .due")),
                              "%s: the home shows what the role owns or has to do" % role)
                        person.page_checks("home")
                        person.shot("your-work")
                    journey(person, lang, width, n)
                except Exception as error:  # a step that cannot go on is a failure, the rest still runs
                    failures.append("%s %s %s: %s" % (role, lang, width, error))
                    traceback.print_exc()
                    try:
                        person.shot("failure")
                    except Exception:
                        pass
        finally:
            person.quit()
    print("\n%d checks, %d failures, %.0f s; screenshots in %s" % (steps, len(failures), time.time() - started, OUT))
    for failure in failures:
        print(" -", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
