"""Sentences of an English item written in another language: their figures are passed over."""

from __future__ import annotations

from worker.extract import extract_claims
from worker.extract.language import in_another_language


def test_a_quotation_left_in_its_own_language_gives_no_claims() -> None:
    text = (
        "The ministry said 45 people died in the floods on Monday. "
        '"Según el ministerio, cuarenta y cinco personas murieron y 120 siguen desaparecidas en la región."'
    )
    assert [claim.quantity_text for claim in extract_claims(text)] == ["45"]


def test_an_english_sentence_full_of_foreign_names_is_read() -> None:
    sentence = "Sediqa Karimova of the Orlo Oblast office told Velmar Pravda that 45 people died in Tashkent."
    assert not in_another_language(sentence)
    # must not match: a sentence too short to tell stays English
    assert not in_another_language("Muertos: 45.")


def test_an_english_sentence_listing_local_names_is_read() -> None:
    sentence = (
        "Reports came from 15 councils: Balaka, Chikwawa, Chiradzulu, Machinga, Mangochi, Mulanje, "
        "Mwanza, Neno, Nsanje, Phalombe, Thyolo and Zomba."
    )
    assert not in_another_language(sentence)
