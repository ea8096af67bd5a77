"""The rich-text editor's configuration (django-ckeditor-5)."""

# Rich text: a toolbar for patient content. No source editing, HTML embed, general
# HTML support or image upload: whatever the editor sends is sanitised again on save
# (cancerfax.sanitize), so the editor is a convenience, not a security boundary.
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "underline",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "insertTable",
                "|",
                "undo",
                "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "heading": {
            "options": [
                {
                    "model": "paragraph",
                    "title": "Paragraph",
                    "class": "ck-heading_paragraph",
                },
                {
                    "model": "heading2",
                    "view": "h3",
                    "title": "Heading",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h4",
                    "title": "Subheading",
                    "class": "ck-heading_heading3",
                },
            ]
        },
        "table": {
            "contentToolbar": [
                "tableColumn",
                "tableRow",
                "mergeTableCells",
            ]
        },
        "link": {"defaultProtocol": "https://"},
        # GeneralHtmlSupport lets arbitrary markup and style attributes into the
        # model; the Style and *StyleSupport plugins depend on it, so they go too.
        "removePlugins": [
            "SourceEditing",
            "GeneralHtmlSupport",
            "HtmlEmbed",
            "HtmlComment",
            "Style",
            "StyleEditing",
            "StyleUI",
            "ListStyleSupport",
            "LinkStyleSupport",
        ],
    }
}
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "editor-upload-disabled"
