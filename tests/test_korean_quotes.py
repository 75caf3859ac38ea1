"""Korean quotes and speakers (analysis.quotes.korean): hand-written sentences, one per rule.

None of these sentences is from a corpus or from the Korean fixture articles; each one
exercises a category of Korean news usage (quotative endings, continuation, indirect
speech, anonymous sources, titles, aliases, mixed articles, legacy encodings).
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from analysis import load_article
from analysis.quotes.extract import NotEnglishWarning, extract_quotes, quotes_frame
from analysis.schemas import columns
from analysis.text.articles import Article
from analysis.text.document import as_document

DAY = date(2023, 7, 12)


def _quotes(text: str, published: date | None = DAY, language: str = "ko"):
    return extract_quotes(Article("t", text, published=published, language=language))


def _speech(text: str, **kwargs):
    return [q for q in _quotes(text, **kwargs) if q.kind in {"direct", "indirect"}]


@pytest.mark.parametrize(("ending", "cue"), [
    ('"동맹은 굳건하다"라고 말했다.', "말했다"),
    ('"협력은 필수 과제"라고 밝혔다.', "밝혔다"),
    ('"지금이 기회"이라고 강조했다.', "강조했다"),
    ('"대화는 계속된다"고 덧붙였다.', "덧붙였다"),
    ('"준비가 끝났다"고 전했다.', "전했다"),
    ('“훈련은 방어 목적”이라고 설명했다.', "설명했다"),
    ('“속도가 느리다”고 지적했다.', "지적했다"),
    ('「신뢰가 쌓였다」고 평가했다.', "평가했다"),
    ('"협상은 끝났다"고 말했다고 교도통신이 전했다.', "말했다"),
    ('"선은 넘지 않겠다"라며 선을 그었다.', "선을 그었다"),
])
def test_each_quotative_ending_gives_a_direct_quote_of_the_speaker_before_it(ending, cue):
    [quote] = _speech("박진 외교부 장관은 이날 " + ending)
    assert quote.kind == "direct"
    assert quote.speaker == "박진"
    assert quote.speaker_kind == "person" and quote.actor == "박진"  # the registry lacks him
    assert quote.cue == cue
    assert quote.text == quote.text.strip("\"“”「」")


def test_continuation_with_myeo_and_myeonseo_keeps_the_speaker_and_takes_the_last_verb():
    text = ('스톨텐베르그 사무총장은 "파트너십은 깊어졌다"며 "한국은 믿을 만하다"면서 '
            '"함께 하겠다"고 강조했다.')
    quotes = _speech(text)
    assert [q.text for q in quotes] == ["파트너십은 깊어졌다", "한국은 믿을 만하다", "함께 하겠다"]
    assert {q.actor for q in quotes} == {"Jens Stoltenberg"}
    assert {q.cue for q in quotes} == {"강조했다"}


def test_indirect_speech_dago_balkhyeotda_is_kind_indirect_with_its_clause():
    [quote] = _speech("국방부는 다음 달 연합 훈련을 재개한다고 밝혔다.")
    assert quote.kind == "indirect"
    assert quote.text == "다음 달 연합 훈련을 재개한다"
    assert quote.actor == "Ministry of National Defense (South Korea)"
    assert quote.speaker_kind == "organisation"
    assert quote.cue == "밝혔다"


def test_indirect_speech_with_irago_leaves_the_copula_out_and_the_embedded_subject_alone():
    [quote] = _speech("나토는 중국이 체계적 도전이라고 규정했다.")
    assert quote.text == "중국이 체계적 도전"
    assert quote.actor == "NATO"


def test_a_sentence_without_speech_verb_or_quotative_ending_is_not_speech():
    assert _speech("양측은 11개 분야에서 협력하기로 했다. 회의는 두 시간 이어졌다.") == []


def test_anonymous_official_has_no_actor_even_when_naming_a_ministry():
    text = ('외교부 고위 당국자는 "문안 조율이 끝났다"고 말했다. '
            '이 당국자는 "발표는 내일"이라고 덧붙였다.')
    first, second = _speech(text)
    assert (first.speaker, first.actor, first.speaker_kind) == (
        "외교부 고위 당국자", None, "anonymous")
    assert (second.speaker, second.actor, second.speaker_kind) == ("당국자", None, "anonymous")


def test_a_source_and_a_speaker_after_the_quote():
    [quote] = _speech('"정상회담은 다음 주"라고 한 정부 소식통이 전했다.')
    assert quote.speaker == "정부 소식통" and quote.speaker_kind == "anonymous"


@pytest.mark.parametrize(("phrase", "speaker", "actor"), [
    ("옌스 스톨텐베르그 나토 사무총장은", "옌스 스톨텐베르그", "Jens Stoltenberg"),
    ("김은혜 대통령실 홍보수석은", "김은혜", "Kim Eun-hye"),
    ("마크롱 프랑스 대통령은", "마크롱", "Emmanuel Macron"),
    ("최민호 한국국방연구원 책임연구위원은", "최민호", "최민호"),
    ("국민의힘 김철수 대표는", "김철수", "김철수"),
    ("노르웨이 싱크탱크의 토르 닐센 선임연구위원은", "토르 닐센", "토르 닐센"),
    ("이 연구소의 마야 린 한국석좌는", "마야 린", "마야 린"),
])
def test_titles_roles_and_affiliations_are_stripped_from_the_speaker(phrase, speaker, actor):
    [quote] = _speech(f'{phrase} "협력 범위가 넓어졌다"고 말했다.')
    assert quote.speaker == speaker
    assert quote.actor == actor
    assert quote.speaker_kind == "person"  # a name the registry lacks is its own actor


def test_words_before_a_title_that_are_not_a_name_stay_unresolved():
    [quote] = _speech('이날 현지 대사는 "협력 범위가 넓어졌다"고 말했다.')
    assert (quote.speaker_kind, quote.actor) == ("unresolved", None)


def test_family_name_and_title_go_back_to_the_full_name_mentioned_before():
    text = ('윤석열 대통령은 오전에 빌뉴스에 도착했다. 윤 대통령은 "성과를 내겠다"고 말했다. '
            '최민호 연구위원은 "의미가 크다"고 말했다. 최 위원은 "이행이 관건"이라고 덧붙였다.')
    yoon, choi, choi_again = _speech(text)
    assert (yoon.speaker, yoon.actor) == ("윤", "Yoon Suk Yeol")
    assert (choi.speaker, choi.actor, choi.speaker_kind) == ("최민호", "최민호", "person")
    assert (choi_again.speaker, choi_again.actor, choi_again.speaker_kind) == (
        "최", "최민호", "person")


def test_family_name_and_title_with_no_name_before_resolve_by_the_office_on_the_date():
    [quote] = _speech('"협력이 중요하다"고 윤 대통령이 말했다.')
    assert quote.actor == "Yoon Suk Yeol"
    assert quote.role == "President"


@pytest.mark.parametrize(("speaker", "actor", "kind"), [
    ("나토는", "NATO", "organisation"),
    ("대통령실은", "Office of the President (South Korea)", "organisation"),
    ("외교부는", "Ministry of Foreign Affairs (South Korea)", "organisation"),
    ("북대서양조약기구(나토)는", "NATO", "organisation"),
    ("기시다 총리는", "Fumio Kishida", "person"),
    ("NATO는", "NATO", "organisation"),
])
def test_korean_aliases_resolve_to_the_same_canonical_actors_as_english(speaker, actor, kind):
    [quote] = _speech(f'{speaker} "대화의 문은 열려 있다"고 밝혔다.')
    assert quote.actor == actor
    assert quote.speaker_kind == kind


def test_pronoun_goes_on_from_the_speaker_before():
    text = ('젤렌스키 대통령은 "지원에 감사한다"고 말했다.\n\n'
            '그는 "재건에도 함께해 달라"고 당부했다.')
    first, second = _speech(text)
    assert second.speaker == "그" and second.actor == first.actor == "Volodymyr Zelensky"


def test_quote_standing_alone_takes_the_speaker_of_the_sentence_that_says_so():
    text = '“우리는 준비돼 있습니다.” 스톨텐베르그 총장은 이렇게 말하며 웃었다.'
    [quote] = _speech(text)
    assert quote.actor == "Jens Stoltenberg"


@pytest.mark.parametrize(("text", "kind"), [
    ("신문은 「새 동맹의 시대」라는 제목의 기사를 실었다.", "title"),
    ("정부는 이를 '새 출발'로 평가했다.", "scare"),
    ('언론은 이를 "아시아판 나토"라고 불렀다.', "scare"),
    ('그는 "가치 동맹"이라는 표현을 자주 쓴다.', "scare"),
    ('대통령실은 "신중히 검토한다"는 입장을 밝혔다.', "direct"),
])
def test_marks_that_are_not_speech_get_title_or_scare(text, kind):
    assert [q.kind for q in _quotes(text)] == [kind]


def test_mixed_article_korean_paragraph_gets_korean_speakers_and_english_stays_english():
    text = ("“The partnership is a milestone,” Stoltenberg said on Tuesday.\n\n"
            '외교부는 "양측이 이행 계획을 마련했다"고 밝혔다. 김은혜 홍보수석은 "정상 간 신뢰가 '
            '깊다"고 전했다.\n\n'
            "Yoon said the agreement would last.")
    doc = as_document(Article("m", text, published=DAY, language="en"))
    quotes = extract_quotes(doc)
    by_text = {q.text[:10]: q for q in quotes if q.kind in {"direct", "indirect"}}
    assert by_text["The partne"].actor == "Jens Stoltenberg"
    assert by_text["양측이 이행 계획을"].actor == "Ministry of Foreign Affairs (South Korea)"
    assert by_text["정상 간 신뢰가 깊"].actor == "Kim Eun-hye"
    assert any(q.kind == "indirect" and q.actor == "Yoon Suk Yeol" for q in quotes)
    korean_sentences = [doc.text[s.start:s.end] for s in doc.sentences if s.paragraph == 1]
    assert len(korean_sentences) == 2


def test_cp949_korean_file_gives_quotes_and_speakers(tmp_path):
    path = tmp_path / "cp949.txt"
    path.write_bytes('외교부 당국자는 "협의는 순조롭다"고 말했다.\n'.encode("cp949"))
    article = load_article(path)
    assert article.language == "ko"
    [quote] = extract_quotes(article)
    assert quote.text == "협의는 순조롭다" and quote.speaker_kind == "anonymous"


def test_korean_quotes_table_has_the_same_columns_as_english():
    frame = quotes_frame(Article("k", '윤석열 대통령은 "협력하겠다"고 말했다.', language="ko"))
    assert frame.columns.tolist() == columns("quotes")
    assert frame[["actor", "speaker_kind", "start", "end"]].values.tolist() == [
        ["Yoon Suk Yeol", "person", 9, 16]]


def test_other_languages_still_give_no_quotes_and_say_so():
    article = Article("ja", "「協力が重要だ」と首相は述べた。", language="ja")
    with pytest.warns(NotEnglishWarning, match="not English"):
        assert extract_quotes(article) == []


def test_english_articles_do_not_load_the_korean_tokenizer():
    import subprocess
    import sys

    code = ("import sys; from analysis.quotes.extract import extract_quotes; "
            "extract_quotes('“We agree,” Yoon said.'); print('kiwipiepy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_no_warnings_on_a_korean_article():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _speech('나토 관계자는 "정상회의는 성공적"이라고 말했다.')


@pytest.mark.parametrize("text", [
    '윤석열 대통령은 기자회견에서 이렇게 말했다. "동맹은 굳건하다. 협력은 계속된다."',
    '윤석열 대통령은 만찬에서 다음과 같이 강조했다.\n\n“동맹은 굳건하다. 협력은 계속된다.”',
])
def test_a_quotation_after_the_sentence_that_introduces_it_is_that_speakers(text):
    doc = '기시다 총리는 "회담이 유익했다"고 말했다. ' + text
    first, second = _speech(doc)
    assert first.actor == "Fumio Kishida"
    assert (second.speaker, second.actor) == ("윤석열", "Yoon Suk Yeol")



@pytest.mark.parametrize(("headline", "actor"), [
    ('尹 "동맹의 힘으로 위기 넘겠다"', "Yoon Suk Yeol"),
    ('빌뉴스 도착한 스톨텐베르그 "한국은 핵심 파트너"', "Jens Stoltenberg"),
    ('외교부 "협력 분야 확대 검토"', "Ministry of Foreign Affairs (South Korea)"),
])
def test_a_headline_quotation_is_the_speech_of_the_speaker_written_before_it(headline, actor):
    text = headline + "\n\n윤석열 대통령은 11일 빌뉴스에 도착했다."
    [quote] = _speech(text)
    assert quote.kind == "direct" and quote.actor == actor


@pytest.mark.parametrize("text", [
    '관세 "폭탄" 현실화\n\n정부는 대응책을 마련했다.',  # no speaker before it: a scare quote
    '윤 대통령 "협력" 강조했다\n\n정부는 대응책을 마련했다.',  # ends in a verb: no headline
])
def test_a_quotation_in_a_short_line_is_not_a_headline_quote_without_a_speaker(text):
    assert all(q.kind == "scare" for q in _quotes(text))


@pytest.mark.parametrize(("sentence", "clause", "cue"), [
    ("국방부 대변인은 훈련 일정이 확정되지 않았다며 말을 아꼈다.", "훈련 일정이 확정되지 않았다", "아꼈다"),
    ("윤 대통령은 북한의 도발이 명백한 위협이라며 단합을 촉구했다.", "북한의 도발이 명백한 위협", "촉구했다"),
    ("외교부는 협의가 이어지고 있다면서 결과 발표를 미뤘다.", "협의가 이어지고 있다", "미뤘다"),
])
def test_a_connective_quotative_ending_reports_the_topics_speech(sentence, clause, cue):
    [quote] = _speech(sentence)
    assert (quote.kind, quote.text, quote.cue) == ("indirect", clause, cue)


@pytest.mark.parametrize("sentence", [
    "시민들은 평화를 바라며 촛불을 들었다.",  # 바라며: hoping, not a quotative
    "그 아이는 서울에서 자라며 꿈을 키웠다.",  # 자라며: growing up
])
def test_verbs_that_end_like_a_quotative_are_not_speech(sentence):
    assert _speech(sentence) == []


@pytest.mark.parametrize(("sentence", "speaker", "clause", "kind"), [
    ("국방부에 따르면 공동 훈련은 다음 달 시작된다.", "국방부", "공동 훈련은 다음 달 시작된다",
     "organisation"),
    ("한 외교 소식통에 따르면, 양측은 정보 공유에도 합의했다고 한다.", "외교 소식통",
     "양측은 정보 공유에도 합의했다", "anonymous"),
])
def test_according_to_gives_the_clause_after_it_to_the_source_before_it(
        sentence, speaker, clause, kind):
    [quote] = _speech(sentence)
    assert (quote.kind, quote.text, quote.speaker_kind) == ("indirect", clause, kind)
    assert speaker in quote.speaker


def test_a_quotation_inside_a_reported_clause_is_a_partial_quote_of_its_speaker():
    text = "국방부는 이번 훈련이 “새로운 단계”에 들어섰다고 평가했다."
    [quote] = [q for q in _quotes(text) if q.kind != "scare"]
    assert (quote.kind, quote.text, quote.actor) == (
        "partial", "새로운 단계", "Ministry of National Defense (South Korea)")
    assert text[quote.content_start:quote.content_end] == "이번 훈련이 “새로운 단계”에 들어섰다"
