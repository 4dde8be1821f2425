from kyoso.core.templatetags.kyoso import select_options


def test_it_marks_the_selected_option_and_escapes_labels():
    html = select_options([(1, "<b>課</b>"), (2, "観光課")], "2")
    assert html == (
        '<option value="1">&lt;b&gt;課&lt;/b&gt;</option><option value="2" selected>観光課</option>'
    )


def test_it_groups_options():
    html = select_options([("佐賀県", [("410004", "佐賀県"), ("412015", "佐賀市")])], None)
    assert html.startswith('<optgroup label="佐賀県"><option value="410004">')
    assert html.endswith("</optgroup>")


def test_prerendered_choices_give_the_same_markup_with_any_selection():
    from kyoso.core.templatetags.kyoso import PrerenderedChoices

    groups = [("佐賀県", [("410004", "佐賀県"), ("412015", "佐賀市")]), ("A&B", [("1", "<x>")])]
    prerendered = PrerenderedChoices(groups)
    for selected in (None, "", "412015", "1", "999999"):
        assert select_options(prerendered, selected) == select_options(groups, selected)
    assert select_options(prerendered, "412015").count(" selected") == 1
    assert select_options(prerendered, None).count(" selected") == 0
