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
