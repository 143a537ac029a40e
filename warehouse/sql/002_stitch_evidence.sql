-- Why each stitched article was joined: per link between parts, the page pair and the scores of the
-- evidence (title, sentence continuity, shared vocabulary). NULL for articles that were not stitched.
ALTER TABLE articles ADD COLUMN stitch_evidence VARCHAR;
