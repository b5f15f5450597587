"""Speech or text in a language the redactor has no model for is reported, never passed off as sanitized (issue 12)."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import CORPUS, ROOT, SAMPLE_AUDIO, FakeTranscriber
from faker import Faker
from media_factory import convert
from typer.testing import CliRunner

from pipeline import process
from pipeline.cli import app
from pipeline.language_check import (
    MIN_WORDS,
    LanguageCheck,
    check_recording,
    check_text,
    check_transcript,
    check_words,
    tokens,
    untranscribed_speech,
)
from pipeline.types import Transcript

runner = CliRunner()
AMI = CORPUS / "text_ami_es2011a_meeting_transcript" / "ES2011a_transcript.txt"
MULTILINGUAL = CORPUS / "asr_faster_whisper" / "multilingual.mp3"  # MIT licence read in English, then in German

ENGLISH = (
    "Okay, I think everyone is here, so let's get started. Dr. Okafor from the Lakeside clinic called on "
    "Tuesday about the MRI scheduler: the API still times out after 30 seconds, and the backlog is at 1,250 "
    "tickets. Priya, can you check the Kubernetes logs and ping DevOps? Maria Lopez will send the updated "
    "budget spreadsheet by Friday, and we agreed to keep the Q3 launch date. Um, one more thing: the vendor, "
    "Kowalczyk and Sons, wants the SOW signed before the twelfth. Any questions? No? Great, thanks everyone."
)
GERMAN = (
    "Guten Morgen zusammen, schön dass ihr alle da seid. Heute wollen wir über den Zeitplan für das neue "
    "Projekt sprechen. Frau Schneider hat mir gestern gesagt, dass die Lieferung aus Hamburg erst nächste Woche "
    "kommt. Deshalb müssen wir die Tests um ein paar Tage verschieben. Kannst du bitte bis Freitag eine kurze "
    "Zusammenfassung schreiben und sie an das ganze Team schicken? Ich glaube, wir sollten auch mit der "
    "Buchhaltung reden, weil das Budget für dieses Jahr schon fast aufgebraucht ist. Gibt es sonst noch Fragen "
    "oder Anmerkungen? Dann machen wir hier Schluss und treffen uns am Montag wieder."
)
FRENCH = (
    "Bonjour à tous, merci d'être venus ce matin. Nous allons parler du calendrier du projet et des prochaines "
    "étapes. Madame Dubois m'a appelé hier soir pour me dire que le rapport n'est pas encore prêt. Il faudra donc "
    "attendre la semaine prochaine avant d'envoyer les documents au client. Est-ce que quelqu'un peut s'occuper "
    "de la réservation de la salle pour jeudi? Je pense aussi qu'il faut revoir le budget avec le service "
    "financier, parce que les dépenses ont beaucoup augmenté depuis le début de l'année."
)
SPANISH = (
    "Buenos días a todos y gracias por venir. Hoy vamos a revisar el presupuesto del próximo trimestre y las "
    "tareas pendientes. El señor García me llamó ayer para decirme que el paciente tiene una cita el martes por "
    "la mañana. Necesitamos que alguien confirme la dirección y el número de teléfono antes del viernes. También "
    "tenemos que hablar con el equipo de ventas, porque los resultados del mes pasado fueron peores de lo que "
    "esperábamos. ¿Alguien tiene alguna pregunta? Si no, podemos terminar aquí y vernos la semana que viene."
)
RUSSIAN = (
    "Добрый день, коллеги. Сегодня мы обсудим план работы на следующий месяц и бюджет проекта. Пожалуйста, "
    "отправьте мне отчёт до пятницы, чтобы я успел его проверить перед встречей с клиентом. Если у кого-то есть "
    "вопросы, давайте обсудим их сейчас."
)
CHINESE = ("大家好，今天我们要讨论下个月的工作计划和项目预算。请在星期五之前把报告发给我，"
           "这样我可以在和客户见面之前检查一下。如果有问题，我们现在可以讨论。")
WARNING = re.compile(r"hush: warning: (?P<file>.+): about (?P<share>\d+)% of the (?:text|speech) is not English "
                     r"\((?:looks|sounds) like (?P<lang>[a-z]{2,3})\)(?: and about \d+% has no transcript)?; "
                     r"hush only recognizes identifiers in English, so those parts may "
                     r"(?:be missing from the outputs or )?not be sanitized")


def hush_lines(stderr: str) -> list[str]:
    """hush's own lines on stderr (a library's withheld warning may precede them in-process)."""
    return [line for line in stderr.splitlines() if line.startswith("hush:")]


def english_meeting(words: int) -> str:
    """At least `words` words of English meeting talk (the team's synthetic meeting, speaker labels kept)."""
    lines = (ROOT / "tests" / "data" / "synthetic_meeting.txt").read_text().splitlines()
    text = " ".join(re.sub(r"^\[[^\]]*\]\s*", "", line) for line in lines)
    while len(text.split()) < words:
        text += " " + text
    return " ".join(text.split()[:words])


def faker_text(locale: str, seed: int = 12) -> str:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return " ".join(fake.paragraph(nb_sentences=8) for _ in range(2))


def transcript(lines: list[str], language: str = "en") -> Transcript:
    segments = tuple(FakeTranscriber(lines).segments)
    return Transcript("meeting.wav", segments[-1].end, language, "fake", segments)


# -- the decision -----------------------------------------------------------------------------


def test_english_meeting_text_with_names_numbers_and_jargon_passes():
    result = check_text(ENGLISH)
    assert result.ok and result.likely is None and result.english_share == 1.0


@pytest.mark.skipif(not AMI.is_file(), reason="the AMI transcript in ../shared/corpus is not here")
def test_the_ami_meeting_transcript_passes():
    result = check_text(AMI.read_text(encoding="utf-8"))
    assert result.ok and result.english_share >= 0.99 and result.words > 2000


@pytest.mark.parametrize("path", ["tests/data/synthetic_meeting.txt", "tests/data/speech_pii.jsonl",
                                  *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests/data/heldout").glob("*.jsonl"))])
def test_the_teams_english_data_passes(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    if path.endswith(".jsonl"):
        text = "\n".join(json.loads(line)["text"] for line in text.splitlines() if line.strip())
    result = check_text(text)
    assert result.ok and result.english_share >= 0.98, result


def test_english_with_names_from_many_locales_passes():
    """Template sentences carrying names, streets and cities from 20 Faker locales stay English."""
    locales = ["en_US", "es_ES", "es_MX", "pt_BR", "de_DE", "fr_FR", "it_IT", "nl_NL", "pl_PL", "tr_TR", "sv_SE",
               "da_DK", "fi_FI", "cs_CZ", "ro_RO", "hu_HU", "id_ID", "vi_VN", "en_PH", "no_NO"]
    rnd, lines = random.Random(3), []
    for seed in range(80):
        fake = Faker(rnd.choice(locales))
        fake.seed_instance(seed)
        lines.append(rnd.choice([
            f"okay so I spoke with {fake.name()} yesterday and she said the results were fine",
            f"please call {fake.first_name()} back at {rnd.randint(200, 999)} {rnd.randint(1000, 9999)} this week",
            f"the patient {fake.name()} lives at {fake.street_address()} in {fake.city()}",
            f"{fake.first_name()}, can you send the contract to {fake.last_name()} by Friday?",
            f"we met {fake.name()} and {fake.name()} at the office on {fake.date()} to review the budget",
        ]))
    result = check_text("\n".join(lines))
    assert result.ok and result.english_share >= 0.95, result


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"),
                                                (RUSSIAN, "ru"), (CHINESE, "zh")])
def test_other_languages_fail_and_are_named(text, language):
    result = check_text(text)
    assert not result.ok and result.likely == language and result.english_share < 0.2, result


@pytest.mark.parametrize(("locale", "language"), [("de_DE", "de"), ("fr_FR", "fr"), ("es_ES", "es"),
                                                  ("it_IT", "it"), ("nl_NL", "nl"), ("pl_PL", "pl")])
def test_faker_text_in_other_languages_fails(locale, language):
    result = check_text(faker_text(locale))
    assert not result.ok and result.likely == language, result


@pytest.mark.parametrize("where", ["end", "middle", "start"])
@pytest.mark.parametrize("other", [GERMAN, SPANISH])
def test_a_quarter_in_another_language_is_flagged_even_though_most_is_english(where, other):
    """Judged by windows: a German quarter is found where the whole still reads as mostly English."""
    english = english_meeting(3 * len(other.split()))
    half = len(english) // 2
    mixed = {"end": f"{english} {other}", "start": f"{other} {english}",
             "middle": f"{english[:half]} {other} {english[half:]}"}[where]
    result = check_text(mixed)
    assert not result.ok and result.likely in ("de", "es") and 0.6 <= result.english_share <= 0.85, result


def test_a_few_foreign_phrases_in_an_english_meeting_pass():
    english = english_meeting(600)
    sprinkled = english.replace("Great.", "Great. Merci beaucoup, à bientôt.", 3) + " Danke schön, bis morgen."
    mixed = f"{english} {' '.join(GERMAN.split()[:40])}"  # about 6 % German
    assert check_text(sprinkled).ok and check_text(mixed).ok


def test_a_script_without_a_known_language_still_is_not_english():
    result = check_text("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ " * 15)  # Cherokee syllabary
    assert not result.ok and result.likely is None
    assert result.warning("text").startswith("about 100% of the text is not English; ")


def test_short_text_never_raises_an_alarm():
    for text in ("Guten Morgen, wie geht es dir?", "Muchas gracias, hasta luego.", "Merci, à demain.", ""):
        result = check_text(text)
        assert result.ok and result.words < MIN_WORDS


def test_the_language_whisper_reported_counts():
    german_claimed = transcript(["Guten Morgen", "wie geht es dir"], language="de")
    assert check_transcript(german_claimed) == LanguageCheck(0.0, "de", False, 6)  # too short for words alone
    assert not check_transcript(transcript([GERMAN], language="de")).ok
    # Whisper detected another language, yet what it wrote is plain English: the redactor can read it.
    assert check_transcript(transcript([ENGLISH], language="de")).ok
    assert check_transcript(transcript([ENGLISH], language="en")).ok
    assert not check_transcript(transcript([ENGLISH, GERMAN, SPANISH], language="en")).ok


def test_earlier_redaction_tags_and_numbers_are_not_words():
    assert tokens("[PERSON_2] called 555 123 4567 about [DATE_TIME].") == ["called", "about"]
    assert check_words(["[PERSON]"] * 50).ok


def test_the_report_and_the_warning_hold_no_word_of_the_text():
    result = check_text(GERMAN)
    report = json.dumps(result.as_report())
    assert json.loads(report) == {"english_share": 0.0, "other_language": "de", "warning": True,
                                  "untranscribed_speech": None}
    line = f"hush: warning: notes.txt: {result.warning('text')}"
    assert WARNING.fullmatch(line) and "100% of the text" in line
    assert check_text(ENGLISH).warning() is None and check_text(ENGLISH).as_report()["warning"] is False
    assert LanguageCheck.from_report(result.as_report()) == LanguageCheck(0.0, "de", False)
    assert LanguageCheck.from_report({"warning": True}) is None and LanguageCheck.from_report(None) is None


# -- speech the transcript left out -------------------------------------------------------------


class Detector:
    """A recognizer's language identification, answering `language` whatever the audio."""

    def __init__(self, language: str | None, probability: float = 0.99) -> None:
        self.detects_language = language is not None
        self.language, self.probability, self.calls = language, probability, []

    def detect_language(self, audio: np.ndarray) -> tuple[str, float] | None:
        self.calls.append(len(audio) / 16000)
        return (self.language, self.probability) if self.language else None


def english_for(seconds: float) -> Transcript:
    """English words, one every 0.4 s, over the first `seconds` of a recording."""
    return transcript([english_meeting(int(seconds / 0.4))])


def test_speech_left_out_of_the_transcript_in_another_language_is_flagged():
    """Forced to English, Whisper drops German speech: no word shows it, the audio does."""
    audio = np.zeros(60 * 16000, dtype=np.float32)
    detector = Detector("de")
    result = check_recording(english_for(30), audio, detector, regions=[(0.0, 59.0)])
    assert not result.ok and result.likely == "de"
    assert result.untranscribed == pytest.approx(28.6 / 59, abs=0.02)
    assert result.english_share == pytest.approx(1 - result.untranscribed, abs=0.01)
    assert detector.calls and sum(detector.calls) <= 30.0
    assert "has no transcript" in result.warning() and "sounds like de" in result.warning()


def test_untranscribed_english_speech_or_short_pauses_raise_no_alarm():
    audio = np.zeros(60 * 16000, dtype=np.float32)
    assert check_recording(english_for(30), audio, Detector("en"), regions=[(0.0, 59.0)]).ok  # crosstalk, mumbling
    unsure = check_recording(english_for(30), audio, Detector("de", 0.3), regions=[(0.0, 59.0)])
    assert unsure.ok
    covered = Detector("de")
    result = check_recording(english_for(58), audio, covered, regions=[(0.0, 10.0), (10.5, 59.0)])
    assert result.ok and result.untranscribed < 0.05 and covered.calls == []  # nothing to identify
    words_only = check_recording(english_for(30), audio, Detector(None), regions=[(0.0, 59.0)])
    assert words_only.ok and words_only.untranscribed is None  # an English-only model can't tell


def test_gaps_are_speech_outside_every_word():
    words = transcript(["one two three"])  # 0.0–0.32, 0.4–0.72, 0.8–1.12 s
    assert untranscribed_speech(words, [(0.0, 1.5), (3.0, 10.0)]) == [(3.0, 10.0)]
    assert untranscribed_speech(words, [(0.0, 4.0)]) == [(1.62, 4.0)]
    assert untranscribed_speech(words, [(0.0, 2.5)]) == []  # under MIN_GAP_S: a pause


# -- through the command line -------------------------------------------------------------------


def test_hush_redact_warns_on_german_text_in_one_line(tmp_path):
    german = tmp_path / "notes.txt"
    german.write_text(f"{GERMAN}\n{GERMAN}\n", encoding="utf-8")
    result = runner.invoke(app, ["redact", str(german), "-o", str(tmp_path / "clean.txt")])
    assert result.exit_code == 0, result.output
    lines = hush_lines(result.stderr)
    assert len(lines) == 1 and (match := WARNING.fullmatch(lines[0])), result.stderr
    assert match["file"] == str(german) and match["lang"] == "de" and int(match["share"]) >= 90
    assert (tmp_path / "clean.txt").is_file()  # the output is still written


def test_hush_redact_on_english_text_and_german_captions(tmp_path):
    english = tmp_path / "notes.txt"
    english.write_text(ENGLISH + "\n", encoding="utf-8")
    result = runner.invoke(app, ["redact", str(english)])
    assert result.exit_code == 0 and hush_lines(result.stderr) == [], result.stderr
    sentences = re.split(r"(?<=[.?]) ", FRENCH)
    srt = "".join(f"{n}\n00:00:{2 * n:02d},000 --> 00:00:{2 * n + 2:02d},000\n{s}\n\n"
                  for n, s in enumerate(sentences, start=1))
    captions = tmp_path / "captions.srt"
    captions.write_text(srt, encoding="utf-8")
    result = runner.invoke(app, ["redact", str(captions)])
    assert result.exit_code == 0
    lines = hush_lines(result.stderr)
    assert len(lines) == 1 and (match := WARNING.fullmatch(lines[0])) and match["lang"] == "fr", result.stderr


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    return convert(SAMPLE_AUDIO[0], tmp_path_factory.mktemp("clip") / "clip.wav", "-t", "12")


def test_hush_run_and_batch_report_german_speech(tmp_path, clip, monkeypatch):
    monkeypatch.setattr(process, "WhisperTranscriber", lambda model, options: FakeTranscriber(GERMAN.split(". ")))
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(clip), "-o", str(out), "--model", "tiny.en", "-q"])
    assert result.exit_code == 0, result.output
    lines = hush_lines(result.stderr)
    assert len(lines) == 1 and (match := WARNING.fullmatch(lines[0])) and match["file"] == str(clip), result.stderr
    report = json.loads((out / "clip.report.json").read_text())
    assert report["language_check"] == {"english_share": 0.0, "other_language": "de", "warning": True,
                                        "untranscribed_speech": None}
    assert (out / "clip.txt").is_file()
    again = runner.invoke(app, ["batch", str(clip), "-o", str(out), "-q"])  # skipped: the warning shows again
    assert again.exit_code == 0 and len(hush_lines(again.stderr)) == 1, again.stderr
    assert WARNING.fullmatch(hush_lines(again.stderr)[0])


def test_hush_run_on_english_speech_reports_no_warning(tmp_path, clip, monkeypatch):
    monkeypatch.setattr(process, "WhisperTranscriber", lambda model, options: FakeTranscriber([ENGLISH]))
    result = runner.invoke(app, ["run", str(clip), "-o", str(tmp_path), "--model", "tiny.en", "-q"])
    assert result.exit_code == 0 and hush_lines(result.stderr) == [], result.stderr
    assert json.loads((tmp_path / "clip.report.json").read_text())["language_check"]["warning"] is False


@pytest.mark.slow
@pytest.mark.skipif(not MULTILINGUAL.is_file(), reason="../shared/corpus/asr_faster_whisper is not here")
def test_real_recording_read_in_english_then_german(tmp_path):
    """Whisper base, forced to English (the default), leaves the German half out: the report says so."""
    import subprocess

    from test_end_to_end import base_model_or_skip

    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(MULTILINGUAL), "-o", str(tmp_path),
                           "--model", base_model_or_skip(), "-q"], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert (match := WARNING.fullmatch(done.stderr.strip())) and match["lang"] == "de", done.stderr
    assert 25 <= int(match["share"]) <= 60
    check = json.loads((tmp_path / "multilingual.report.json").read_text())["language_check"]
    assert check["warning"] and check["other_language"] == "de" and check["untranscribed_speech"] >= 0.25
