"""schema.org data for guide, cancer-type, FAQ and home pages.

Everything here comes from approved snapshots (``Visible`` objects and the
snapshot a page shows), never from live rows.
"""

from cancerfax.structured_data import absolute_url, organization


def citation(reference) -> dict:
    """A reference as a schema.org ``ScholarlyArticle``, with its identifiers."""
    data = {
        "@type": "ScholarlyArticle",
        "name": reference.title,
        "datePublished": str(reference.year),
        "isPartOf": {"@type": "Periodical", "name": reference.source},
    }
    if reference.doi:
        data["sameAs"] = f"https://doi.org/{reference.doi}"
    elif reference.url:
        data["sameAs"] = reference.url
    if reference.pmid:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "PMID",
            "value": reference.pmid,
        }
    return data


def guide_about(topic, sections) -> list[dict]:
    """What the guide is about: its therapy, then the cancers it covers."""
    about = []
    if topic is not None:
        about.append({"@type": "MedicalTherapy", "name": topic.name})
    for section in sections:
        for item in section["items"]:
            if item.get("indication") is not None:
                about.append(
                    {
                        "@type": "MedicalCondition",
                        "name": item["indication"].name,
                        "url": absolute_url(item["indication"].get_absolute_url()),
                    }
                )
    return about


def home_organization(contact) -> dict:
    """``Organization`` for the home page, with the approved contact details."""
    extra = {"description": "Cancer patient-navigation service."}
    if contact is not None:
        extra["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "patient support",
            "telephone": contact.phone,
            "email": contact.email,
            "availableLanguage": "English",
            "url": absolute_url(contact.get_absolute_url()),
        }
    return {"@context": "https://schema.org", **organization(**extra)}
