"""Demo data, the pure part: a city's staff (names, 局/部/課, 職位, 採用日), assessment windows
per 年度, who sits when, and a simple ability model (``demo_items`` turns abilities into answers).

Everything is drawn from generators seeded by the caller's seed, so one seed always gives the
same city.  Used by ``services.demo`` for demonstrations and benchmarks — never for real staff.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from .catalog import AREAS
from .fiscal import JST, fiscal_year

# Common surnames in rough order of frequency; old forms (髙, 﨑, 𠮷, 邉, 齋, 濵) appear now and then
# beside the common form, as they do in a real personnel system.
SURNAMES = (
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 "
    "山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 "
    "斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 松田 竹内 中川 小野 田村 和田 石田 森田 上田 "
    "原 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 谷口 大野 丸山 今井 河野 藤本 村田 武田 上野 杉山 "
    "増田 平野 大塚 千葉 久保 松井 小島 岩崎 桜井 野口 松尾 野村 木下 菊地 佐野 大西 杉本 新井 浜田 五十嵐"
).split()
OLD_FORMS = {"高橋": "髙橋", "山崎": "山﨑", "吉田": "𠮷田", "渡辺": "渡邉", "斎藤": "齋藤", "浜田": "濵田"}
OLD_FORM_SHARE = 0.08
GIVEN_NAMES = (
    "翔太 大輔 健太 拓也 直樹 達也 和也 誠 浩 隆 大樹 悠斗 蓮 陽翔 湊 健一 修 剛 亮 翼 優斗 颯太 一郎 "
    "健二 聡 学 茂 博之 淳 慎也 陽子 恵子 由美 美咲 彩 葵 結衣 陽菜 愛 さくら 真由美 裕子 久美子 明美 "
    "直美 智子 舞 麻衣 七海 美穂 香織 奈々 花子 理恵 千尋 友美 沙織 詩織 凛 芽依"
).split()

# 局 → 部 → 課 of a 政令指定都市, trimmed at random to 2–4 部 and 2–5 課 each.
ORGANISATION: dict[str, dict[str, str]] = {
    "総務局": {
        "総務部": "総務課 法制課 文書課 情報公開課 危機管理課",
        "人事部": "人事課 職員課 給与課 研修課",
        "デジタル戦略部": "情報政策課 デジタル推進課 情報システム課 行政改革課"},
    "財政局": {
        "財政部": "財政課 契約課 管財課 資金課",
        "税務部": "税制課 市民税課 資産税課 納税課 収納対策課"},
    "市民局": {
        "市民生活部": "市民協働課 消費生活課 男女共同参画課",
        "区政部": "区政課 戸籍住民課 窓口サービス課 証明発行課",
        "文化スポーツ部": "文化振興課 スポーツ振興課 国際交流課",
        "広聴部": "広聴課 市民相談課"},
    "健康福祉局": {
        "福祉部": "福祉総務課 生活支援課 障害福祉課 高齢福祉課 介護保険課",
        "保健所": "保健総務課 健康増進課 感染症対策課 生活衛生課",
        "保険年金部": "国民健康保険課 年金課 医療助成課"},
    "こども未来局": {
        "こども家庭部": "こども企画課 子育て支援課 児童相談課 こども家庭課",
        "保育部": "保育課 保育所運営課 幼稚園課"},
    "環境局": {
        "環境企画部": "環境政策課 脱炭素推進課 環境保全課",
        "資源循環部": "ごみ減量推進課 収集管理課 処理施設課 廃棄物指導課"},
    "経済観光局": {
        "産業振興部": "産業政策課 商工振興課 雇用労働課 中小企業支援課",
        "観光部": "観光企画課 誘客推進課 MICE推進課",
        "農林部": "農政課 農業振興課 森林整備課"},
    "都市整備局": {
        "都市計画部": "都市計画課 交通政策課 景観課",
        "建築部": "建築指導課 住宅政策課 市営住宅課 営繕課",
        "道路部": "道路計画課 道路維持課 橋梁課 用地課",
        "下水道部": "下水道計画課 下水道施設課 水質管理課"},
}
TINY_UNITS = 4
"""課 with fewer than 5 people, so HR's minimum-group suppression has something to hide."""

AUDIENCE_SHARE = {"recruit": 0.42, "promotion": 0.48, "manager": 0.10}
JOB_TITLES = {
    "recruit": (("主事", 0.75), ("技師", 0.25)),
    "promotion": (("主事", 0.25), ("主任", 0.35), ("主査", 0.22), ("係長", 0.18)),
    "manager": (("課長", 0.62), ("担当課長", 0.18), ("部長", 0.15), ("局長", 0.05)),
}
YEARS_OF_SERVICE = {"promotion": (4, 25), "manager": (18, 36)}

# The ability model: θ ~ N(audience mean, 1) + a personal offset per area + the area's general
# ease for city staff + a mild improvement each 年度.  P(correct) = logistic(θ − b).
AUDIENCE_MEAN = {"recruit": 0.0, "promotion": 0.4, "manager": 0.85}
AREA_EASE = {"dx_mindset": 0.2, "data": -0.1, "technology": 0.0, "collaboration": 0.25, "security": 0.35,
             "digital_gov": 0.1, "dx_management": -0.15}
AREA_SPREAD = 0.4
YEARLY_GROWTH = 0.1

# Assessment windows (JST): (month, day) of opening and length in days, shifted a few days per year.
WINDOWS = {"recruit": ((5, 12), 21), "promotion": ((7, 1), 28), "manager": ((9, 1), 21)}


@dataclass(frozen=True)
class Person:
    staff_no: str
    name: str
    org_path: str
    audience: str
    job_title: str
    hired_on: dt.date
    ability: float
    area_offsets: tuple[float, ...]  # in the order of catalog.AREAS
    propensity: float  # chance of sitting in a year when eligible

    def theta(self, area: str, year_index: int) -> float:
        """Ability in an area in the ``year_index``-th 年度 of the demo (0 = the first)."""
        position = AREAS.index(area) if area in AREAS else None
        offset = self.area_offsets[position] if position is not None else 0.0
        return self.ability + offset + AREA_EASE.get(area, 0.0) + YEARLY_GROWTH * year_index


@dataclass(frozen=True)
class Window:
    fiscal_year: int
    audience: str
    opens_at: dt.datetime
    closes_at: dt.datetime


@dataclass(frozen=True)
class DemoReport:
    """What ``demo generate`` stored."""

    examinees: int
    units: int
    assessments: int
    attempts: int
    answers: int
    seconds: float


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def fiscal_years(now: dt.datetime, years: int) -> list[int]:
    """The ``years`` 年度 ending with the current one (in Japanese time)."""
    current = fiscal_year(now.astimezone(JST))
    return list(range(current - years + 1, current + 1))


def build_units(rng: np.random.Generator) -> list[str]:
    """The 課 of the city as 局/部/課 paths: every 局, 2–4 部 each, 2–5 課 each."""
    units: list[str] = []
    for kyoku, bus in ORGANISATION.items():
        names = list(bus)
        keep = int(rng.integers(2, min(4, len(names)) + 1))
        for bu in sorted(rng.choice(len(names), size=keep, replace=False)):
            sections = bus[names[bu]].split()
            count = int(rng.integers(2, min(5, len(sections)) + 1))
            units.extend(f"{kyoku}/{names[bu]}/{sections[k]}" for k in range(count))
    return units


def _unit_sizes(rng: np.random.Generator, units: int, people: int) -> np.ndarray:
    """People per 課: a few tiny ones (1–4 people), the rest by lognormal weights."""
    tiny = min(TINY_UNITS, units // 4, people // 8)
    sizes = np.zeros(units, dtype=np.int64)
    chosen = rng.choice(units, size=tiny, replace=False) if tiny else np.array([], dtype=np.int64)
    sizes[chosen] = rng.integers(1, 5, size=tiny)
    others = np.setdiff1d(np.arange(units), chosen)
    weights = rng.lognormal(0.0, 0.6, size=len(others))
    sizes[others] = rng.multinomial(people - int(sizes.sum()), weights / weights.sum())
    return sizes


def _name(rng: np.random.Generator) -> str:
    # Zipf-like surname frequencies: the first names in the list are the most common
    weights = 1.0 / np.arange(1, len(SURNAMES) + 1) ** 0.7
    surname = SURNAMES[int(rng.choice(len(SURNAMES), p=weights / weights.sum()))]
    if surname in OLD_FORMS and rng.random() < OLD_FORM_SHARE:
        surname = OLD_FORMS[surname]
    return f"{surname} {GIVEN_NAMES[int(rng.integers(len(GIVEN_NAMES)))]}"


def _hired_on(rng: np.random.Generator, audience: str, first_year: int, today: dt.date) -> dt.date:
    current = fiscal_year(today)
    if audience == "recruit":
        year = int(rng.integers(first_year - 1, current + 1))
        if rng.random() < 0.88:
            return dt.date(year, 4, 1)
        month = int(rng.choice([7, 10, 1]))  # mid-year hires (中途採用) on the first of a month
        day = dt.date(year + (month < 4), month, 1)
        return day if day <= today else dt.date(year, 4, 1)
    low, high = YEARS_OF_SERVICE[audience]
    return dt.date(current - int(rng.integers(low, high + 1)), 4, 1)


def _org_for(unit: str, title: str) -> str:
    """部長 sit in their 部 and 局長 in their 局, above the 課 (as in a real roster)."""
    parts = unit.split("/")
    if title == "部長":
        return "/".join(parts[:2])
    if title == "局長":
        return parts[0]
    return unit


def make_people(count: int, seed: int, first_year: int, today: dt.date) -> tuple[list[Person], int]:
    """``count`` people and the number of 課 they are spread over; 職員番号 follow hiring order."""
    rng = np.random.default_rng([seed, 1])
    units = build_units(rng)
    sizes = _unit_sizes(rng, len(units), count)
    unit_of = np.repeat(np.arange(len(units)), sizes)
    rng.shuffle(unit_of)
    audiences = list(AUDIENCE_SHARE)
    audience_of = rng.choice(len(audiences), size=count, p=list(AUDIENCE_SHARE.values()))
    abilities = rng.normal(0.0, 1.0, size=count)
    offsets = rng.normal(0.0, AREA_SPREAD, size=(count, len(AREAS)))
    propensity = np.clip(rng.beta(9.0, 2.0, size=count), 0.3, 0.99)
    drafts = []
    for index in range(count):
        audience = audiences[int(audience_of[index])]
        titles, shares = zip(*JOB_TITLES[audience], strict=True)
        title = titles[int(rng.choice(len(titles), p=shares))]
        drafts.append((_hired_on(rng, audience, first_year, today), index, audience, title))
    numbers = np.sort(rng.choice(np.arange(1, 250_000), size=count, replace=False))
    drafts.sort()  # earlier hires have lower 職員番号, as a personnel system hands them out
    people = []
    for number, (hired_on, index, audience, title) in zip(numbers, drafts, strict=True):
        people.append(Person(
            staff_no=f"{int(number):06d}", name=_name(rng),
            org_path=_org_for(units[int(unit_of[index])], title), audience=audience, job_title=title,
            hired_on=hired_on, ability=float(abilities[index] + AUDIENCE_MEAN[audience]),
            area_offsets=tuple(float(x) for x in offsets[index]), propensity=float(propensity[index])))
    return people, len(units)


def plan_windows(seed: int, years: list[int], audiences: list[str], now: dt.datetime) -> list[Window]:
    """One window per 年度 and audience; the current 年度's windows end by ``now`` at the latest."""
    rng = np.random.default_rng([seed, 2])
    windows = []
    for year in years:
        start_of_year = dt.datetime(year, 4, 1, tzinfo=JST)
        for audience in audiences:
            (month, day), length = WINDOWS[audience]
            opens = dt.datetime(year, month, day, 9, tzinfo=JST) + dt.timedelta(days=int(rng.integers(-4, 5)))
            closes = (opens + dt.timedelta(days=length)).replace(hour=17)
            if closes > now:  # the current 年度: a window that has already closed, inside the 年度
                closes = now - dt.timedelta(minutes=1)
                opens = max(start_of_year, min(opens, closes - dt.timedelta(days=7)))
                closes = max(closes, opens + dt.timedelta(hours=2))
            windows.append(Window(year, audience, opens.astimezone(dt.UTC), closes.astimezone(dt.UTC)))
    return windows


def sitters(people: list[Person], window: Window, seed: int) -> list[int]:
    """Indexes of the people of the window's audience, hired by its opening, who sit it."""
    rng = np.random.default_rng([seed, 3, window.fiscal_year, list(AUDIENCE_SHARE).index(window.audience)])
    draws = rng.random(len(people))
    opened = window.opens_at.astimezone(JST).date()
    return [index for index, person in enumerate(people)
            if person.audience == window.audience and person.hired_on <= opened
            and draws[index] < person.propensity]


def attempt_times(rng: np.random.Generator, window: Window, limit_minutes: int, timeout: bool,
                  share_used: float) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """(started, deadline, finished): a weekday in office hours inside the window."""
    opens, closes = window.opens_at.astimezone(JST), window.closes_at.astimezone(JST)
    days = [opens.date() + dt.timedelta(days=d) for d in range((closes.date() - opens.date()).days + 1)]
    weekdays = [d for d in days if d.weekday() < 5] or days
    day = weekdays[int(rng.integers(len(weekdays)))]
    started = dt.datetime(day.year, day.month, day.day, 9, tzinfo=JST) + dt.timedelta(
        minutes=int(rng.integers(0, 7 * 60)))
    if not opens <= started < closes:  # a short window (the current 年度): anywhere inside it
        started = opens + (closes - opens) * float(rng.random()) * 0.9
    deadline = min(started + dt.timedelta(minutes=limit_minutes), closes)
    finished = deadline if timeout else min(deadline, started + dt.timedelta(minutes=limit_minutes * share_used))
    return started.astimezone(dt.UTC), deadline.astimezone(dt.UTC), finished.astimezone(dt.UTC)
