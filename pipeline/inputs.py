"""Which files a batch takes: files as named, folders searched, glob patterns matched.

A search never leaves the folders it was given unless asked: a symbolic link met inside a
folder or a glob (to a file or to a folder) is skipped and counted, so a link can't lead a
batch outside its folders or round a loop. With ``follow_links`` links are followed, each
real folder entered once. Hidden entries (``.name``) and the output folder are left out; a
file named on the command line is always taken, link or not.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

# What a folder or glob search picks up (a file named on the command line is always taken).
MEDIA_SUFFIXES = frozenset(
    ".wav .flac .mp3 .m4a .aac .ogg .oga .opus .wma .aif .aiff .aifc .amr .caf .mka .mp2 "
    ".mp4 .m4v .mkv .webm .mov .avi .wmv .mpg .mpeg .ts .mts .3gp".split()
)
_WILDCARDS = "*?["

Skipped = Callable[[Path], None]


class _Search:
    """One search's settings and the real folders it has entered (by device and inode)."""

    def __init__(self, follow_links: bool, exclude: Path | None, on_skip: Skipped) -> None:
        self.follow_links, self.exclude, self.on_skip = follow_links, exclude, on_skip
        self._entered: set[tuple[int, int, tuple[str, ...]]] = set()

    def enter(self, folder: Path, rest: tuple[str, ...] = ()) -> list[os.DirEntry]:
        """The visible entries of `folder`, once per folder and pattern rest; none for the output folder."""
        try:
            info = folder.stat()
            if self.exclude is not None and folder.resolve() == self.exclude:
                return []
            key = (info.st_dev, info.st_ino, rest)
            if key in self._entered:
                return []
            self._entered.add(key)
            with os.scandir(folder) as entries:
                return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError:
            return []

    def kept(self, entry: os.DirEntry) -> bool:
        """False for a link while links are not followed (it is reported to `on_skip`)."""
        if entry.is_symlink() and not self.follow_links:
            self.on_skip(Path(entry.path))
            return False
        return True

    def files(self, folder: Path) -> Iterator[Path]:
        """Every file below `folder`."""
        for entry in self.enter(folder):
            if not self.kept(entry):
                continue
            if entry.is_dir():
                yield from self.files(Path(entry.path))
            elif entry.is_file():
                yield Path(entry.path)

    def matches(self, folder: Path, rest: tuple[str, ...]) -> Iterator[Path]:
        """Paths below `folder` matching the pattern parts `rest` (``**`` is any number of folders)."""
        head, tail = rest[0], rest[1:]
        if head == "**":
            if not tail:
                yield from self.files(folder)
                return
            yield from self.matches(folder, tail)
            for entry in self.enter(folder, rest):
                if entry.is_dir() and self.kept(entry):
                    yield from self.matches(Path(entry.path), rest)
            return
        for entry in self.enter(folder, rest):
            if not fnmatch.fnmatchcase(entry.name, head) or not self.kept(entry):
                continue
            if not tail:
                yield Path(entry.path)
            elif entry.is_dir():
                yield from self.matches(Path(entry.path), tail)


def _media(paths: Iterable[Path]) -> list[Path]:
    return sorted(p for p in paths if p.suffix.lower() in MEDIA_SUFFIXES and p.is_file())


def expand_inputs(items: Iterable[str], exclude: Path | None = None, follow_links: bool = False,
                  on_skip: Skipped | None = None) -> list[Path]:
    """Files as given; folders searched recursively and globs expanded (``**`` recurses) for media files.

    A name that is neither an existing path nor a matching pattern is kept, so it is reported
    as a failed file ("no such file") like any other. Duplicates are dropped; order is kept.
    Links met while searching go to `on_skip` unless `follow_links`.
    """
    search = _Search(follow_links, exclude.resolve() if exclude is not None else None, on_skip or (lambda _: None))
    found: dict[Path, None] = {}
    for item in items:
        path = Path(item)
        if path.is_dir():
            found.update(dict.fromkeys(_media(search.files(path))))
        elif not path.exists() and any(c in item for c in _WILDCARDS):
            parts = path.parts
            literal = next(i for i, part in enumerate(parts) if any(c in part for c in _WILDCARDS))
            matched = list(search.matches(Path(*parts[:literal]) if literal else Path("."), parts[literal:]))
            inner = [f for m in matched if m.is_dir() for f in search.files(m)]
            found.update(dict.fromkeys(_media([m for m in matched if not m.is_dir()] + inner) or [path]))
        else:
            found[path] = None
    return list(found)
