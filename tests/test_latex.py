"""Macro generation for the paper (numbers: test_numbers.py; tables: test_tables.py)."""

import re

from inference_scaling.publish import latex


def test_macro_names_are_letters_only():
    assert latex.macro_name("appendix.crossover_d") == "claimAppendixCrossoverD"
    assert latex.macro_name("ida.vs_lee", "sweep_probability") == "claimIdaVsLeeSweepProbability"
    assert latex.macro_name("x.o3_multiplier") == "claimXOThreeMultiplier"


def test_ledger_macros_are_unique_and_valid(ledger):
    macros = latex.claim_macros(ledger)
    assert all(re.fullmatch(r"[A-Za-z]+", name) for name in macros)
    tex = latex.render_macros(macros, "test")
    assert tex.count("\\newcommand") == len(macros)
    # each number is a link to its claim's ledger entry: math form, then text form
    assert "\\newcommand{\\claimIdaIterations}{\\claimlink{ida.iterations}{1{,}160}{1,160}}" in tex
    assert (
        "\\newcommand{\\claimAppendixCrossoverDStandard}{\\claimlink{appendix.crossover_d}"
        "{3\\times 10^{10}}{3\\texttimes{}10\\textsuperscript{10}}}"
    ) in tex


def test_table_keeps_each_section_together():
    rows = [{"id": i, "section": s} for i, s in enumerate(["era", "deploy", "era", "ida"])]
    assert [r["id"] for r in latex.by_section(rows)] == [0, 2, 1, 3]


def test_assumption_macros_cover_every_assumption(assumptions):
    macros = latex.assumption_macros(assumptions.values)
    assert len(macros) == len(assumptions.values)
    assert macros["assumeAppendixNParams"] == "10^{12}"
    assert macros["assumeThresholdsExtremeMultiplier"] == "10^{5}"
    assert macros["assumeEraExchangeRate"] == "0.7"
    assert macros["assumeEraFrontierTopN"] == "10"
    assert macros["assumeThresholdsGptFourFlop"] == "2.1\\times 10^{25}"


def test_years_are_not_grouped(assumptions):
    assert latex.assumption_macros(assumptions.values)["assumeEraFitStartYear"] == "2020"


def _record(i, basis, verdict, evidence=None, cause=None):
    return {"id": f"a.r{i}", "basis": basis, "verdict": verdict, "evidence": evidence} | (
        {"cause": cause} if cause else {}
    )


def test_ledger_counts_of_a_hand_made_ledger():
    rows = [
        ("recomputed", "reproduced", "independent"),
        ("recomputed", "reproduced", "arithmetic"),
        ("recomputed", "differs", "independent", "definition"),
        ("recomputed", "new", "definitional"),
        ("sourced", "reproduced"),
        ("sourced", "differs", None, "source"),
        ("sourced", "unchecked"),
        ("premise", "reproduced"),
    ]
    counts = latex.ledger_count_macros([_record(i, *row) for i, row in enumerate(rows)])
    expected = {
        "ledgerTotal": "8",
        "ledgerReproduced": "4",
        "ledgerDiffers": "2",
        "ledgerNew": "1",
        "ledgerUnchecked": "1",
        "ledgerRecomputed": "4",
        "ledgerRecomputedReproduced": "2",
        "ledgerRecomputedDiffers": "1",
        "ledgerRecomputedNew": "1",
        "ledgerSourced": "3",
        "ledgerSourcedReproduced": "1",
        "ledgerSourcedDiffers": "1",
        "ledgerSourcedUnchecked": "1",
        "ledgerPremise": "1",
        "ledgerPremiseReproduced": "1",
        "ledgerPremiseDiffers": "0",
        "ledgerIndependent": "2",
        "ledgerIndependentReproduced": "1",
        "ledgerIndependentDiffers": "1",
        "ledgerArithmetic": "1",
        "ledgerDefinitional": "1",
        "ledgerDefinitionalNew": "1",
        "ledgerDiffersByDefinition": "1",
        "ledgerDiffersBySource": "1",
        "ledgerDiffersByEssay": "0",
    }
    assert {k: counts[k] for k in expected} == expected


def test_an_empty_basis_counts_zero():
    counts = latex.ledger_count_macros([_record(0, "premise", "differs", cause="premise")])
    assert counts["ledgerRecomputed"] == "0" and counts["ledgerSourced"] == "0"
    assert counts["ledgerPremiseDiffers"] == "1" and counts["ledgerDiffers"] == "1"
    assert counts["ledgerDiffersByPremise"] == "1"


def test_fact_macros(facts):
    macros = latex.fact_macros(facts)
    assert macros["factAlphagoEloZero"] == "5{,}185"
    assert macros["factAlphagoGamesPerIteration"] == "25{,}000"


def test_verdict_conditionals_pick_by_the_ledger():
    recs = [
        {
            "id": "a.x",
            "value": 1.0,
            "format": "f1",
            "extra": {},
            "essay_value": 1.0,
            "verdict": "reproduced",
        },
        {
            "id": "a.y",
            "value": 2.0,
            "format": "f1",
            "extra": {},
            "essay_value": 1.0,
            "verdict": "differs",
        },
    ]
    macros = latex.claim_macros(recs)
    assert macros["whenReproducedAX"] == (2, "#1")
    assert macros["whenReproducedAY"] == (2, "#2")
    tex = latex.render_macros(macros, "h")
    assert "\\newcommand{\\whenReproducedAX}[2]{#1}" in tex
    assert "\\newcommand{\\whenReproducedAY}[2]{#2}" in tex
    assert "ratioAX" not in macros


def test_a_ratio_macro_for_an_order_of_magnitude_statement(ledger):
    macros = latex.claim_macros(ledger)
    assert macros["ratioThresholdsOThreeMultiplier"] == "2.6"  # 25,634 / 10,000
    assert "ratioIdaIterations" not in macros  # "1,160" is no order of magnitude


def test_conclusion_macros_state_whether_each_holds():
    macros = latex.conclusion_macros(
        [
            {"id": "c_one", "statement": "It holds", "holds": True},
            {"id": "c_two", "statement": "50% off", "holds": False},
        ]
    )
    assert macros["holdsCOne"] == "holds" and macros["whenHoldsCOne"] == (2, "#1")
    assert macros["holdsCTwo"] == "does not hold" and macros["whenHoldsCTwo"] == (2, "#2")
    assert macros["conclusionCTwo"] == "50\\% off"
    typeset = latex.conclusion_macros([{"id": "c", "statement": "above 10^26 FLOP", "holds": 1}])
    assert typeset["conclusionC"] == "above $10^{26}$ FLOP"


def test_differences_list_names_each_differing_claim_with_its_reason():
    recs = [
        {
            "id": "a.x",
            "label": "Growth",
            "basis": "recomputed",
            "value": 5.6,
            "format": "f1",
            "unit": "x per year",
            "essay": "about 5x",
            "verdict": "differs",
            "cause": "definition",
            "note": "Because 50%: {ci_low}--{ci_high}x at {a.rate}.",
            "extra": {"ci_low": 3.8512345678, "ci_high": 5.1123456789},
            "fields": {"a.rate": 0.55},
        },
        {
            "id": "a.z",
            "label": "Sum",
            "basis": "recomputed",
            "value": 3.0,
            "format": "f1",
            "unit": "x",
            "essay": "~2x",
            "verdict": "differs",
            "cause": "essay",
            "note": "",
        },
        {
            "id": "a.y",
            "label": "Other",
            "basis": "sourced",
            "value": 1.0,
            "format": "f1",
            "unit": "x",
            "essay": "1",
            "verdict": "reproduced",
            "note": "",
        },
    ]
    text = latex.differences_list(recs)
    assert "\\item[Growth] (recomputed)" in text and "$5.6\\times$ per year" in text
    # the note's numbers print as the macros print them: the claim's style, x as a sign
    assert "Because 50\\%: $3.9$--$5.1\\times$ at $0.55$." in text and "Other" not in text
    # grouped by cause, in the declared order of causes: the essay's before definitions
    assert text.index("\\item[Sum]") < text.index("\\item[Growth]")
    assert text.count("\\paragraph") == 2 and text.count("\\begin{description}") == 2
    assert latex.CAUSE_TITLES["definition"] in text
    assert latex.differences_list(recs[2:]) == (
        "No quantity of this build differs from the essay's statement."
    )


def test_essay_words_print_powers_and_escape_specials():
    assert latex.essay_words("10^27") == "$10^{27}$"
    assert latex.essay_words("76–88%") == "76–88\\%"
    assert latex.essay_words("$1") == "\\$1"


def test_title_block_comes_from_the_citation_file():
    cff = {
        "title": "A & B",
        "authors": [
            {"name": "Team_X"},
            {"given-names": "Ada", "family-names": "Lovelace"},
            {"family-names": "Euclid"},  # no given names: the family name alone
        ],
    }
    macros = latex.citation_macros(cff)
    assert macros["paperTitle"] == "A \\& B"
    assert macros["paperAuthors"] == "Team\\_X \\and Ada Lovelace \\and Euclid"


def test_extras_per_parameter_print_three_significant_figures():
    rec = {
        "id": "a.x",
        "value": 1.2,
        "format": "f2",
        "extra": {"tokens_per_param": 667.34},
        "essay_value": None,
        "verdict": "new",
    }
    assert latex.claim_macros([rec])["claimAXTokensPerParam"] == "\\claimlink{a.x}{667}{667}"


def _records(*pairs):
    return [
        {"id": f"c{i}", "label": f"Claim {i}", "basis": basis, "verdict": verdict}
        for i, (basis, verdict) in enumerate(pairs)
    ]


def test_counts_agree_with_their_nouns_and_zero_counts_are_left_out():
    assert latex.counted(1, "claim") == "one claim"
    assert latex.counted(2, "claim") == "two claims"
    assert latex.counted(12, "claim") == "12 claims"
    assert latex.count_clauses(
        [(19, "reproduces", "reproduce"), (0, "x", "y"), (1, "differs", "differ")]
    ) == ("19 reproduce and one differs")


def test_ledger_phrases_read_as_written():
    ledger = _records(
        ("recomputed", "reproduced"),
        ("recomputed", "differs"),
        ("sourced", "differs"),
        ("sourced", "differs"),
        ("premise", "reproduced"),
    )
    phrases = latex.ledger_phrase_macros(ledger)
    assert phrases["ledgerDiffersPhrase"] == (
        "three differ from the essay's statement in this build: one recomputed and two sourced"
    )
    assert phrases["ledgerRecomputedPhrase"] == (
        "one reproduces the essay's statement at the precision it is stated and one differs"
    )
    assert phrases["ledgerSourcedPhrase"] == "two differ"
    assert phrases["ledgerPremisePhrase"] == "none of which this build changes"
    one = latex.ledger_phrase_macros(_records(("premise", "differs")))
    assert one["ledgerDiffersPhrase"] == (
        "one differs from the essay's statement in this build: "
        "one premise that the build's assumptions change"
    )
    assert one["ledgerPremisePhrase"] == "of which this build changes one"


def test_a_list_of_identical_verdicts_collapses():
    same = _records(*[("recomputed", "reproduced")] * 4)
    assert latex.verdict_group_sentence(same) == "All four reproduce the essay's statements."
    mixed = _records(
        ("recomputed", "reproduced"), ("recomputed", "differs"), ("recomputed", "reproduced")
    )
    assert latex.verdict_group_sentence(mixed) == (
        "Two reproduce the essay's statements and one differs from the essay's statement (Claim 1)."
    )


def test_essay_words_print_markdown_emphasis_as_emphasis_and_keep_identifiers():
    text = latex.essay_words("scaling up _N_ and _D_ by the same factor, x_1")
    assert text == "scaling up \\emph{N} and \\emph{D} by the same factor, x\\_1"


def test_causes_and_unchecked_statements_leave_zero_counts_out():
    ledger = [
        {
            "id": "a",
            "label": "A",
            "basis": "recomputed",
            "verdict": "differs",
            "cause": "definition",
        },
        {"id": "b", "label": "B", "basis": "sourced", "verdict": "unchecked"},
        {"id": "c", "label": "C", "basis": "sourced", "verdict": "reproduced"},
    ]
    m = latex.ledger_phrase_macros(ledger)
    assert m["ledgerDiffersByCausePhrase"] == (
        "By cause, one comes from a sensitivity row that measures a different quantity from "
        "its headline row."
    )
    assert m["ledgerCauseShortPhrase"] == " (one from a different definition)"
    assert m["ledgerUncheckedSentence"].startswith(
        "A further one statement is \\verdict{unchecked}"
    )
    none = latex.ledger_phrase_macros(ledger[2:])
    assert none["ledgerDiffersByCausePhrase"] == none["ledgerCauseShortPhrase"] == ""
    assert none["ledgerUncheckedSentence"] == ""


def test_verdict_group_sentence_by_hand():
    # Each form the sentence takes, written out by hand: one claim, two, several that agree,
    # and a mixed group whose minority verdicts name their claims.
    def recs(*verdicts):
        return [{"verdict": v, "label": f"Claim {i}"} for i, v in enumerate(verdicts, 1)]

    sentence = latex.verdict_group_sentence
    assert sentence(recs("reproduced")) == "It reproduces the essay's statement."
    assert sentence(recs("differs", "differs")) == "Both differ from the essay's statements."
    assert sentence(recs("new", "new", "new")) == "All three are checks the essay does not state."
    assert sentence(recs("differs", "reproduced", "new", "reproduced")) == (
        "Two reproduce the essay's statements, one differs from the essay's statement "
        "(Claim 1) and one is a check the essay does not state (Claim 3)."
    )
    # A verdict nobody has is skipped, not the end of the list; two minority labels.
    assert sentence(recs("reproduced", "new", "new")) == (
        "One reproduces the essay's statement and two are checks the essay does not state "
        "(Claim 2; Claim 3)."
    )


def _rows(basis, *verdicts_and_causes):
    return [
        {"id": f"{basis}.{i}", "basis": basis, "verdict": v, "cause": c}
        for i, (v, c) in enumerate(verdicts_and_causes)
    ]


def test_every_ledger_phrase_written_out_by_hand():
    # Every verdict in every basis, plurals, each cause, an unchecked statement.
    ledger = (
        _rows("recomputed", ("reproduced", None), ("differs", "essay"), ("differs", "source"))
        + _rows("recomputed", ("new", None))
        + _rows("sourced", ("reproduced", None), ("reproduced", None), ("differs", "source"))
        + _rows("sourced", ("new", None), ("new", None), ("unchecked", None))
        + _rows("premise", ("differs", "premise"), ("differs", "premise"), ("reproduced", None))
    )
    assert latex.ledger_phrase_macros(ledger) == {
        "ledgerDiffersByCausePhrase": (
            "By cause, one comes from the essay's own arithmetic or its reading of a source, "
            "two come from a revised or approximate source and two come from a premise this "
            "build changes."
        ),
        "ledgerCauseShortPhrase": (
            " (one from the essay itself, two from a source and two from a changed premise)"
        ),
        "ledgerUncheckedSentence": (
            "A further one statement is \\verdict{unchecked}: no shipped source can confirm or "
            "refute it, and it is not counted as a difference."
        ),
        "ledgerRecomputedPhrase": (
            "one reproduces the essay's statement at the precision it is stated, two differ "
            "and one is a check the essay does not state"
        ),
        "ledgerSourcedPhrase": (
            "two match, one differs, two are not stated in the essay and one cannot be "
            "checked with what ships"
        ),
        "ledgerDiffersPhrase": (
            "five differ from the essay's statement in this build: two recomputed, one "
            "sourced and two premises that the build's assumptions change"
        ),
        "ledgerPremisePhrase": "of which this build changes two",
    }


def test_ledger_phrases_when_nothing_differs_by_hand():
    ledger = _rows("sourced", ("reproduced", None), ("unchecked", None), ("unchecked", None))
    ledger += _rows("premise", ("reproduced", None))
    assert latex.ledger_phrase_macros(ledger) == {
        "ledgerDiffersByCausePhrase": "",
        "ledgerCauseShortPhrase": "",
        "ledgerUncheckedSentence": (
            "A further two statements are \\verdict{unchecked}: no shipped source can confirm "
            "or refute them, and they are not counted as differences."
        ),
        "ledgerRecomputedPhrase": "none is stated in the essay",
        "ledgerSourcedPhrase": "one matches and two cannot be checked with what ships",
        "ledgerDiffersPhrase": "none differs from the essay's statement in this build",
        "ledgerPremisePhrase": "none of which this build changes",
    }


def test_text_mode_writes_powers_signs_dashes_and_groups_for_text():
    assert latex.text_mode("3\\times 10^{26}") == "3\\texttimes{}10\\textsuperscript{26}"
    assert latex.text_mode("5\\times") == "5\\texttimes{}"  # a multiplier's sign at the end
    assert latex.text_mode("10^{-3}") == "10\\textsuperscript{-3}"
    assert latex.text_mode("1{,}160") == "1,160"
