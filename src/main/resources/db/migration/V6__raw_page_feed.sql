-- What the feed said about a collected page (its title, date and content), kept beside the raw page
-- so that re-extracting the page gives what polling it gave. NULL: the page came without a feed entry.
ALTER TABLE raw_page ADD COLUMN feed_title TEXT;
ALTER TABLE raw_page ADD COLUMN feed_published TIMESTAMP WITH TIME ZONE;
ALTER TABLE raw_page ADD COLUMN feed_html TEXT;
