-- How precisely the page gave its publish time: DAY (a date only, shown without 00:00), MINUTE or
-- SECOND. NULL for an undated article, and for rows stored before this column, read as SECOND.
-- A raw page's URL is the address it was fetched from, which a re-poll finds in a listing again even
-- when the page names another canonical address: looked up by it, the page is not fetched twice.
-- Same SQL subset as V1.
ALTER TABLE article ADD COLUMN publish_precision VARCHAR(8);
CREATE INDEX IF NOT EXISTS raw_page_url ON raw_page (url);
