"""The Fellegi-Sunter model: EM recovers known m, term frequencies, the household guard, junk."""
from __future__ import annotations

import numpy as np
import pandas as pd

from app.core.matching.features import Features
from app.core.matching.model import HOUSEHOLD, Model, Vectors, compare_pairs
from app.core.matching.settings import Comparison, Level, MatchSettings, default_settings
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


def test_a_rewritten_birth_date_is_a_household_only_where_the_home_is_seen_shared():
    """Marianne Reni twice at one home with two birth dates: without anyone else there, a mistyped
    date (the guard stays off); with Luca Reni living there too, possibly mother and daughter."""
    settings = default_settings()
    home = {"last_name": "Reni", "address": "Via Bath 23", "postcode": "51180", "city": "Casino"}
    alone = [{"first_name": "Marianne", "birth_date": "1992-03-02", **home},
             {"first_name": "Marianne", "birth_date": "1935-07-13", **home}]
    model = _uniform_model(settings)
    for rows, guarded in ((alone, False), (alone + [{"first_name": "Luca", "birth_date": "1960-01-01", **home}], True)):
        feats = _features(rows, settings)
        vec = compare_pairs(feats, settings, np.array([0]), np.array([1]))
        _, _, fw = model.score(vec, settings)
        assert (model.household_adjustment(vec.levels, fw, settings)[0] < 0) == guarded


def test_the_same_full_name_on_one_street_is_an_anchor_unless_the_birth_dates_disagree():
    settings = default_settings()
    street = {"first_name": "Julia", "last_name": "Clarke", "postcode": "26420", "city": "Whitfield"}
    feats = _features([{**street, "address": "Via Marconi 180"}, {**street, "address": "Via Marconi 84"},
                       {**street, "address": "Via Marconi 180", "birth_date": "1950-01-02"},
                       {**street, "address": "Via Marconi 84", "birth_date": "1990-05-06"},
                       {**street, "address": "Via Verdi 84"}], settings)
    vec = compare_pairs(feats, settings, np.array([0, 2, 0]), np.array([1, 3, 4]))
    model = _uniform_model(settings)
    _, _, fw = model.score(vec, settings)
    assert model.anchored(vec.levels, fw, settings).tolist() == [True, False, False]


def test_an_email_with_the_name_and_birth_year_weighs_more_than_the_name_alone():
    """Both levels are adjusted by how common the name is; the year keeps its own evidence."""
    settings = default_settings()
    rows = [{"email": "gennarobianchi78@gmail.com"}, {"first_name": "Gennaro", "last_name": "Bianchi", "birth_date": "1978-04-30"},
            {"email": "gennarobianchi@gmail.com"}, {"first_name": "Gennaro", "last_name": "Bianchi"}]
    feats = _features(rows, settings)
    vec = compare_pairs(feats, settings, np.array([0, 2]), np.array([1, 3]))
    k = [c.name for c in settings.comparisons].index("email_hints")
    labels = settings.comparisons[k].labels
    assert [labels[x] for x in vec.levels[:, k]] == ["email names the person and birth year", "email names the person"]
    model = _uniform_model(settings)
    model.m[k][1], model.m[k][2] = 0.2, 0.6  # fewer pairs carry a year: the year level's m is smaller
    model.u[k][1], model.u[k][2] = 1e-5, 2e-3  # ... and far fewer pairs of two people agree on one
    fw = model.field_weights(vec, settings)
    assert fw[0, k] - fw[1, k] > 4


def test_the_same_full_name_in_one_postcode_is_an_anchor_when_nothing_disagrees():
    """A rare full name in the same town is what a human would go by (the probability says how rare);
    another home, birth date or mobile there says two people."""
    settings = default_settings()
    town = {"first_name": "Francesca", "last_name": "Fabbretti", "postcode": "20900", "city": "Monza"}
    feats = _features([town, town, {**town, "address": "Via Verdi 3"}, {**town, "address": "Via Roma 8"},
                       {**town, "birth_date": "1970-01-02"}, {**town, "birth_date": "1990-05-06"},
                       {**town, "city": "Milano", "postcode": "20121"}], settings)
    vec = compare_pairs(feats, settings, np.array([0, 2, 4, 0]), np.array([1, 3, 5, 6]))
    model = _uniform_model(settings)
    _, _, fw = model.score(vec, settings)
    assert model.anchored(vec.levels, fw, settings).tolist() == [True, False, False, False]


def test_the_same_full_name_in_one_town_with_nearby_birth_years_is_an_anchor():
    """Ruby Smith of Leeds born 1980 and 1982 (a mistyped year); born 1950 and 1985, or with two
    different emails, they may be two people."""
    settings = default_settings()
    ruby = {"first_name": "Ruby", "last_name": "Smith", "city": "Leeds"}
    feats = _features([{**ruby, "birth_date": "1980-03-04"}, {**ruby, "birth_date": "1982-04-03"},
                       {**ruby, "birth_date": "1950-03-04"}, {**ruby, "birth_date": "1985-04-03"},
                       {**ruby, "birth_date": "1980-03-04", "email": "ruby@x.com"},
                       {**ruby, "birth_date": "1982-04-03", "email": "rsmith@y.com"}], settings)
    vec = compare_pairs(feats, settings, np.array([0, 2, 4]), np.array([1, 3, 5]))
    model = _uniform_model(settings)
    k = model.names.index("birth_date")
    model.m[k][2:] = model.u[k][2:]  # a nearby year is no evidence by itself (not an anchor alone)
    _, _, fw = model.score(vec, settings)
    assert model.anchored(vec.levels, fw, settings).tolist() == [True, False, False]
