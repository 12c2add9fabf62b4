// Chinese full-text search: the cjk analyzer indexes CJK text as character bigrams (DESIGN.md §3).
CREATE FULLTEXT INDEX law_title_fulltext IF NOT EXISTS
FOR (n:Law) ON EACH [n.title, n.shortTitle, n.docNumber]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
CREATE FULLTEXT INDEX article_text_fulltext IF NOT EXISTS
FOR (n:Article) ON EACH [n.text, n.caption, n.summary]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
CREATE FULLTEXT INDEX question_stem_fulltext IF NOT EXISTS
FOR (n:Question) ON EACH [n.stem, n.explanation]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
