"""The Fellegi-Sunter model: EM recovers known m, term frequencies, the household guard, junk."""
from __future__ import annotations

import numpy as np
import pandas as pd

from app.core.matching.features import Features
from app.core.matching.model import HOUSEHOLD, Model, Vectors, compare_pairs
from app.core.matching.settings import Comparison, Level, MatchSettings, default_settings
from app.core.matching.sharing import home_sharing_rate
from app.core.matching.training import distinct_vectors, em_session
from app.core.normalize import normalize_record
from test_match_support import FIRST, LAST, people


def _three_level_settings(k: int) -> MatchSettings:
    levels = [Level("agree", "exact"), Level("close", "close"), Level("else", "else")]
    return MatchSettings(comparisons=[Comparison(f"f{i}", "string", [f"c{i}"], list(levels)) for i in range(k)])


def test_em_recovers_known_m_on_generated_vectors():
    rng = np.random.default_rng(5)
    m_true = [np.array([0, 0.85, 0.10, 0.05]), np.array([0, 0.70, 0.20, 0.10]), np.array([0, 0.95, 0.03, 0.02])]
    u_true = [np.array([0, 0.02, 0.08, 0.90]), np.array([0, 0.05, 0.15, 0.80]), np.array([0, 0.01, 0.04, 0.95])]
    n, lam = 60_000, 0.3
    is_match = rng.random(n) < lam
    levels = np.zeros((n, 3), np.int8)
    for k in range(3):
        levels[is_match, k] = rng.choice(4, size=is_match.sum(), p=m_true[k])
        levels[~is_match, k] = rng.choice(4, size=(~is_match).sum(), p=u_true[k])
    settings = _three_level_settings(3)
    vecs, counts = distinct_vectors(levels)
    assert counts.sum() == n
    m0 = [np.array([0, 0.6, 0.3, 0.1]) for _ in range(3)]
    m, est_lam, _ = em_session(vecs, counts.astype(float), np.full(len(vecs), np.nan), u_true, m0,
                               np.ones(3, bool), settings)
    assert abs(est_lam - lam) < 0.02
    for k in range(3):
        assert np.abs(m[k][1:] - m_true[k][1:]).max() < 0.03


def test_labelled_pairs_pull_em_towards_them():
    """Decided pairs enter EM with a fixed posterior: a 'match' label on a disagreeing vector raises m."""
    settings = _three_level_settings(1)
    vecs = np.array([[1], [3]], np.int8)
    counts = np.array([100.0, 900.0])
    u = [np.array([0, 0.05, 0.05, 0.90])]
    m0 = [np.array([0, 0.8, 0.1, 0.1])]
    base, _, _ = em_session(vecs, counts, np.full(2, np.nan), u, m0, np.ones(1, bool), settings)
    labelled, _, _ = em_session(np.vstack([vecs, [[3]]]), np.append(counts, 200.0), np.array([np.nan, np.nan, 1.0]),
                                u, m0, np.ones(1, bool), settings)
    assert labelled[0][3] > base[0][3] + 0.1


def _features(rows: list[dict], settings: MatchSettings | None = None, filler: int = 80) -> Features:
    """Features of ``rows`` (positions 0..) followed by distinct filler people (realistic frequencies)."""
    rows = rows + people(filler, seed=11)
    frame = pd.DataFrame([normalize_record(r) for r in rows])
    frame["id"] = range(1, len(rows) + 1)
    frame["source_id"] = 1
    return Features.build(frame, settings or default_settings())


def test_term_frequency_weighs_a_common_surname_below_a_rare_one():
    settings = default_settings()
    rows = [{"first_name": FIRST[i % 20], "last_name": "Rossi"} for i in range(40)]
    rows += [{"first_name": "Anna", "last_name": "Zanfretta"}, {"first_name": "Anna", "last_name": "Zanfretta"}]
    feats = _features(rows, settings)
    vec = compare_pairs(feats, settings, np.array([0, 40]), np.array([1, 41]))
    k = [c.name for c in settings.comparisons].index("last_name")
    m = [[0.0] + [0.9] + [0.1 / (len(c.levels) - 1)] * (len(c.levels) - 1) for c in settings.comparisons]
    u = [[0.0] + [0.01] + [0.99 / (len(c.levels) - 1)] * (len(c.levels) - 1) for c in settings.comparisons]
    model = Model([c.name for c in settings.comparisons], [c.labels for c in settings.comparisons], m, u, 1e-4)
    fw = model.field_weights(vec, settings)
    assert vec.levels[0, k] == vec.levels[1, k] == 1  # both exact
    rossi, rare = fw[0, k], fw[1, k]
    assert rare - rossi > 3  # log2(40/2) ≈ 4.3 bits apart
    assert rossi < np.log2(0.9 / 0.01)  # Rossi is commoner than an average surname


def _uniform_model(settings: MatchSettings, agree_bits: float = 8.0, prior: float = 1e-6) -> Model:
    """Exact agreement m=0.9 worth ``agree_bits`` (less for common values through TF), weaker
    levels a little, disagreement −2 bits: a simple model to test the rules around the weights."""
    m, u = [], []
    for c in settings.comparisons:
        n = len(c.levels)
        mm = np.zeros(n + 1)
        mm[1:] = 0.05 / max(n - 1, 1)
        mm[1], mm[-1] = 0.9, 0.05
        uu = mm * 2.0 ** -agree_bits
        uu[-1] = 0.2
        m.append(list(mm / mm.sum()))
        u.append(list(uu / uu.sum()))
    return Model([c.name for c in settings.comparisons], [c.labels for c in settings.comparisons], m, u, prior)


def test_household_guard_keeps_a_shared_home_apart():
    """Same surname, address and landline, another first name: the shared fields add at most the cap."""
    settings = default_settings()
    home = {"last_name": "Colombo", "address": "Via Verdi 3", "postcode": "20900", "city": "Monza", "phone": "039 123456"}
    rows = [{"first_name": "Giovanni", "birth_date": "1961-02-03", **home},
            {"first_name": "Lucia", "birth_date": "1994-07-08", **home},
            {"first_name": "Giovanni", "birth_date": "1961-02-03", **home, "mobile": "333 1112223"}]
    feats = _features(rows, settings)
    vec = compare_pairs(feats, settings, np.array([0, 0]), np.array([1, 2]))
    model = _uniform_model(settings)
    weight, prob, fw = model.score(vec, settings)
    adj = model.household_adjustment(vec.levels, fw, settings)
    assert adj[0] < 0 and prob[0] < 0.5  # Giovanni and Lucia: two people
    assert adj[1] == 0 and prob[1] > 0.9  # Giovanni twice: one person
    assert weight[1] - weight[0] > 10


def test_mobile_number_lifts_the_household_guard():
    settings = default_settings()
    home = {"last_name": "Colombo", "address": "Via Verdi 3", "postcode": "20900", "city": "Monza", "mobile": "333 1112223"}
    feats = _features([{"first_name": "Giovanna", **home}, {"first_name": "Gianna", **home}], settings)
    vec = compare_pairs(feats, settings, np.array([0]), np.array([1]))
    model = _uniform_model(settings)
    _, _, fw = model.score(vec, settings)
    assert model.household_adjustment(vec.levels, fw, settings)[0] == 0


def test_junk_email_and_phone_are_ignored():
    settings = default_settings()
    rows = [{"first_name": FIRST[i % 20], "last_name": LAST[i % 30], "email": "test@test.com",
             "phone": "02 5550000"} for i in range(40)]
    feats = _features(rows, settings)
    assert "test@test.com" in feats.junk["n_email_key"]
    assert "+39025550000" in feats.junk["n_phone"]
    assert feats.frame["n_email_key"].iloc[:40].isna().all()
    assert feats.frame["n_email_key"].iloc[40:].notna().all()  # real addresses stay


def test_row_key_columns_say_nothing():
    rows = [{"first_name": "Anna", "customer_id": f"C{i}"} for i in range(5)]
    feats = _features(rows, filler=0)
    assert feats.frame["n_customer_id"].isna().all()


def test_anchor_needed_for_automatic_merge():
    """Same name in the same town, nothing else: never an automatic merge, whatever the weights."""
    settings = default_settings()
    feats = _features([{"first_name": "Marco", "last_name": "Zanetti", "city": "Bergamo"},
                       {"first_name": "Marco", "last_name": "Zanetti", "city": "Bergamo"},
                       {"first_name": "Marco", "last_name": "Zanetti", "city": "Bergamo", "birth_date": "1970-01-02"},
                       {"first_name": "Marco", "last_name": "Zanetti", "city": "Bergamo", "birth_date": "1970-01-02"}])
    vec = compare_pairs(feats, settings, np.array([0, 2]), np.array([1, 3]))
    model = _uniform_model(settings, agree_bits=12, prior=0.1)
    _, prob, fw = model.score(vec, settings)
    assert prob[0] > 0.5 and not model.anchored(vec.levels, fw, settings)[0]
    assert model.anchored(vec.levels, fw, settings)[1]


def test_model_round_trips_json():
    settings = default_settings()
    model = _uniform_model(settings)
    again = Model.from_json(model.to_json())
    vec = Vectors(np.ones((1, len(settings.comparisons)), np.int8), {})
    assert np.allclose(model.score(vec, settings)[0], again.score(vec, settings)[0])
    assert HOUSEHOLD == "household guard"


def test_an_email_spelling_the_others_whole_name_lifts_the_household_guard():
    """Same home, same first name, another surname: Teresa's address names Teresa Torrazzi, so she
    is one woman under two surnames; Anna's record with Mario's address stays apart from Mario."""
    settings = default_settings()
    home = {"address": "Via Verdi 3", "postcode": "20900", "city": "Monza", "phone": "039 123456"}
    feats = _features([{"first_name": "Teresa", "last_name": "Guarino", "email": "teresa.torrazzi@icloud.com", **home},
                       {"first_name": "Teresa", "last_name": "Torrazzi", **home},
                       {"first_name": "Anna", "last_name": "Bianchi", "email": "mario.rossi@libero.it", **home},
                       {"first_name": "Mario", "last_name": "Rossi", **home}], settings)
    vec = compare_pairs(feats, settings, np.array([0, 2]), np.array([1, 3]))
    model = _uniform_model(settings)
    _, _, fw = model.score(vec, settings)
    adj = model.household_adjustment(vec.levels, fw, settings)
    assert adj[0] == 0 and adj[1] < 0


def test_a_rewritten_birth_date_is_a_household_only_where_the_data_shows_households():
    """Marianne Reni twice at one home with two birth dates: in data where shared homes are rare
    (one person entered twice), a mistyped date; with Luca Reni living there too, or in data full
    of households (a retailer's), possibly mother and daughter."""
    settings = default_settings()
    home = {"last_name": "Reni", "address": "Via Bath 23", "postcode": "51180", "city": "Casino"}
    alone = [{"first_name": "Marianne", "birth_date": "1992-03-02", **home},
             {"first_name": "Marianne", "birth_date": "1935-07-13", **home}]
    with_luca = alone + [{"first_name": "Luca", "birth_date": "1960-01-01", **home}]
    model = _uniform_model(settings)
    for rows, rate, guarded in ((alone, 0.1, False), (with_luca, 0.1, True), (alone, 0.7, True)):
        model.household_rate = rate
        feats = _features(rows, settings)
        vec = compare_pairs(feats, settings, np.array([0]), np.array([1]))
        _, _, fw = model.score(vec, settings)
        assert (model.household_adjustment(vec.levels, fw, settings)[0] < 0) == guarded


def test_home_sharing_rate_reads_the_data():
    settings = default_settings()
    twice = [{"first_name": "Anna", "last_name": "Neri", "address": f"Via Po {i}", "city": "Torino"} for i in range(3)] * 2
    family = [{"first_name": f, "last_name": "Neri", "address": "Via Po 9", "city": "Torino"} for f in ("Anna", "Marco")]
    assert home_sharing_rate(_features(twice, settings)) == 0.0
    assert home_sharing_rate(_features(twice + family, settings)) == 0.25


def test_a_first_name_two_typos_away_is_a_sibling_only_where_the_data_shows_households():
    """Jessica / Jesdicai Hanna at one home: a mistyped name where shared homes are rare; a sister
    possibly, where the data is full of households. Jessica / Zachary: two people either way."""
    settings = default_settings()
    home = {"last_name": "Hanna", "address": "Via Jerrabomberra 7", "postcode": "28210", "city": "Smithfield"}
    other = {**home, "address": "Via Leahy 95"}
    feats = _features([{"first_name": "Jessica", **home}, {"first_name": "Jesdicai", **home},
                       {"first_name": "Jessica", **other}, {"first_name": "Zachary", **other}], settings)
    vec = compare_pairs(feats, settings, np.array([0, 2]), np.array([1, 3]))
    model = _uniform_model(settings)
    for rate, guarded in ((0.1, [False, True]), (0.7, [True, True])):
        model.household_rate = rate
        _, _, fw = model.score(vec, settings)
        assert (model.household_adjustment(vec.levels, fw, settings) < 0).tolist() == guarded


def test_identifier_u_on_codes_equals_the_count_on_values():
    """u of the identifiers' equality levels is counted on integer codes; the count on the values
    themselves (kept for columns coded apart) must give the very same numbers."""
    from app.core.matching.sharing import EQUALITY_TESTS, _identifier_u, _identifier_u_frame, _per_value

    rows = [
        # one person three times: a personal email and mobile
        {"first_name": "Giorgio", "last_name": "Verdi", "email": "gverdi@example.it", "mobile": "3331234567"},
        {"first_name": "Giorgio", "last_name": "Verdi", "email": "gverdi@example.it", "mobile": "3331234567"},
        {"email": "gverdi@example.it"},
        # a family: one inbox and one landline, different first names
        {"first_name": "Anna", "last_name": "Neri", "email": "famiglia.neri@example.it", "phone": "0612345678"},
        {"first_name": "Luca", "last_name": "Neri", "email": "famiglia.neri@example.it", "phone": "0612345678"},
        {"first_name": "Sara", "last_name": "Neri", "phone": "0612345678", "mobile": "3479876543"},
        # nobody could check these: no names
        {"email": "info@bottega.it", "phone": "0298765432"}, {"email": "info@bottega.it"}, {"phone": "0298765432"},
        {"mobile": "3479876543"}, {"customer_id": "C1"}, {"customer_id": "C1", "loyalty_card": "C1"},
        {"first_name": "Marco", "last_name": "Gialli", "mobile": "3391112223"}, {"mobile": "3391112223"},
    ]
    settings = default_settings()
    mine = len(rows) - 1  # the last row above: its one number in both columns, held once
    rows += people(80, seed=11)
    frame = pd.DataFrame([normalize_record(r) for r in rows])
    frame.loc[mine, "n_phone"] = frame.loc[mine, "n_mobile"]
    frame["id"], frame["source_id"] = range(1, len(rows) + 1), 1
    feats = Features.build(frame, settings)
    total = feats.n * (feats.n - 1) / 2
    checked = 0
    for comp in settings.comparisons:
        levels = {i: lv.test for i, lv in enumerate(comp.levels, start=1) if lv.test in EQUALITY_TESTS}
        if comp.name not in settings.identifiers or not levels:
            continue
        by_codes = _identifier_u(feats, comp)
        assert by_codes == _identifier_u_frame(feats, comp, levels, total), comp.name
        checked += 1
        if comp.name in ("email", "phone"):
            assert any(v > 1.0 / total for v in by_codes.values()), comp.name  # the shared values counted
    assert checked >= 3
    # columns with a vocabulary each: counted on the values
    apart = Comparison("ids", "string", ["n_customer_id", "n_loyalty"], [Level("exact", "exact"), Level("else", "else")])
    assert _per_value(feats, apart) is None
    assert _identifier_u(feats, apart) == _identifier_u_frame(feats, apart, {1: "exact"}, total)
