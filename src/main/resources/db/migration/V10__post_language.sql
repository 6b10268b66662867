-- The language a post's texts (title, body, captions) are written in, as a BCP 47 tag ("nb", "sv", "en-GB"); null
-- when marketing did not say. Pages mark those texts with it, so that a screen reader reads a Swedish post in
-- Swedish on a page in English (WCAG 3.1.2).
alter table post add column language varchar(35);
