"""Read an Office Open XML part as a consumer that knows only ECMA-376 1st edition would.

Both validity checks need it: the schemas describe that edition, and
PowerPoint numbers the shapes a consumer of it sees.
"""

from __future__ import annotations

from lxml import etree

NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def resolve_markup_compatibility(root: etree._Element) -> etree._Element:
    """Return a copy of *root* as a consumer that knows only ECMA-376 1st edition would read it.

    ``mc:AlternateContent`` becomes the content of its ``mc:Fallback`` (or of its
    first ``mc:Choice`` when there is no fallback); elements and attributes in
    namespaces that an ``mc:Ignorable`` in scope lists are dropped, and so are
    the ``mc:`` attributes themselves.
    """
    copy = etree.fromstring(etree.tostring(root))
    _resolve(copy, frozenset())
    return copy


def _resolve(element: etree._Element, ignorable: frozenset[str]) -> None:
    prefixes = element.get(f"{{{NS_MC}}}Ignorable", "").split()
    if prefixes:
        nsmap = element.nsmap or {}
        ignorable = ignorable | {nsmap[p] for p in prefixes if p in nsmap}
    for name in list(element.attrib):
        namespace = etree.QName(name).namespace
        if namespace == NS_MC or namespace in ignorable:
            del element.attrib[name]
    index = 0
    while index < len(element):
        child = element[index]
        if not isinstance(child.tag, str):
            index += 1  # comments and processing instructions carry no markup to resolve
        elif child.tag == f"{{{NS_MC}}}AlternateContent":
            chosen = child.find(f"{{{NS_MC}}}Fallback")
            if chosen is None:
                chosen = child.find(f"{{{NS_MC}}}Choice")
            element.remove(child)
            for offset, grandchild in enumerate(list(chosen) if chosen is not None else []):
                element.insert(index + offset, grandchild)
            # No index step: the spliced-in children are resolved next, in this element's scope.
        elif etree.QName(child).namespace in ignorable:
            element.remove(child)
        else:
            _resolve(child, ignorable)
            index += 1
