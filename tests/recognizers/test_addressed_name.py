"""Table for recognizers/addressed_name.py: names where a meeting puts them, even everyday words."""

from pipeline.redact.recognizers.addressed_name import AddressedNameRecognizer

from .conftest import table_tests

RECOGNIZER = AddressedNameRecognizer()

POSITIVE = [
    ("Faith, can you take this one?", "Faith"),
    ("will zetukeik can you take notes today", "will zetukeik"),
    ("okay um is may still on the call", "may"),
    ("Is Joy still on the call?", "Joy"),
    ("so i'll have victoria send you the forms", "victoria"),
    ("rob is my case manager", "rob"),
    ("Carol is my case manager.", "Carol"),
    ("thanks uh bill", "bill"),
    ("Cheers, Hope.", "Hope"),
    ("Thanks, Will.", "Will"),
    ("okay so Grace, could you share your screen", "Grace"),
    # a word-like name written with a capital where Whisper writes names, or after a relation
    ("Chase, you're on mute. Sorry, can you hear me?", "Chase"),
    ("Best, Summer", "Summer"),
    ("Hunter, could you send Joy the updated org chart", "Joy"),
    ("Mark from physio saw her at 10:30.", "Mark"),
    ("Will is presenting the Q3 numbers.", "Will"),
    ("you can reach my daughter rose on eight four seven", "rose"),
    ("the carer precious said he hasn't eaten", "precious"),
    ("under my wife's name yusra", "yusra"),
]

NEGATIVE = [
    "can you send it over",
    "is there anyone else on the call",
    "have you seen the report",
    "thanks everyone.",
    "thank you so much.",
    "will you be there tomorrow",
    "so can you check the dose",
    "is it still on the list",
    "let me know by friday",
    "ask them to call back",
    "thanks again.",
    "Okay, can you hear me?",
    "Thanks for coming in.",
    "my daughter will call you back",
    "my son fractured his wrist",
    "Honestly, you're right about that",
    "Data from the study were clean",
    "send May the forms",
    "Please send Finance the report",
    "my wife said no",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# A name addressed at the end of a question, handed the floor, or the one a message is for.
MORE_POSITIVE = [
    ("Can you hear me, Summer?", "Summer"),
    ("okay over to you mark", "mark"),
    ("tell hope i said hi", "hope"),
    ("i spoke to rose yesterday", "rose"),
    ("Speak soon, Sky", "Sky"),
    ("side room four is sunny she's the one with c diff", "sunny"),
    ("ok last one side room one faisal thirty four self discharge", "faisal"),
    ("june in bed one has been with us since friday", "june"),
    ("yeah mark from reception rang me and said", "mark"),
    ("um the emergency contact is her grandma rosa quispe at the number", "rosa quispe"),
    ("so ahmed you're on sertraline a hundred milligrams", "ahmed"),
    ("so blessing i'm just going to share my screen", "blessing"),
]
MORE_NEGATIVE = [
    "i'll tell you later",
    "thank god that's over",
    "Is that right, Doctor?",
    "What do you think, everyone?",
    "we need to talk to legal about that",
    "bed four is stable overnight",
    "Yusuf's neighbour in bed eleven is nil by mouth from midnight",
    "wife said he has tried several",
    "we moved in june from the old place",
    "so hope you're well",
    "okay so i'm going to share",
]

test_finds_more, test_finds_nothing_more = table_tests(RECOGNIZER, MORE_POSITIVE, MORE_NEGATIVE)
