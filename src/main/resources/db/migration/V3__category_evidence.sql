-- Categories from evidence: other names a breadcrumb may use for a category, how each article got
-- its category, and why an article waits for an editor. Same SQL subset as V1.

-- comma-separated names that mean this category in a page's breadcrumb (经济 > caijing)
ALTER TABLE category ADD COLUMN aliases VARCHAR(1000) NOT NULL DEFAULT '';
UPDATE category SET aliases = '经济,金融,财经新闻,证券,股票,股市,理财,商业,产经,财富,Business,Finance,Economy,Markets' WHERE slug = 'caijing';
UPDATE category SET aliases = '科学,科技新闻,科创,互联网,数码,IT,通信,智能,Tech,Technology,Science' WHERE slug = 'keji';
UPDATE category SET aliases = '民生,本地,社会新闻,法治,城市,教育,健康,生活,Society,Local' WHERE slug = 'shehui';
UPDATE category SET aliases = '国际新闻,世界,环球,外媒,海外,全球,World,International' WHERE slug = 'guoji';
UPDATE category SET aliases = '体育新闻,运动,足球,篮球,赛事,Sports,Sport' WHERE slug = 'tiyu';
UPDATE category SET aliases = '文化新闻,文娱,文旅,读书,艺术,非遗,Culture,Arts' WHERE slug = 'wenhua';

-- 'editor', 'source' (the source's default), 'breadcrumb' or 'classifier'; NULL before this was kept
ALTER TABLE article ADD COLUMN category_by VARCHAR(16);
-- why an article waits for review: 'source' (its source is marked for review) or 'category'
-- (the classifier was unsure; category_id then holds its best guess)
ALTER TABLE article ADD COLUMN review_reason VARCHAR(16);
UPDATE article SET review_reason = 'source' WHERE status = 'review';
CREATE INDEX IF NOT EXISTS article_category_by ON article (category_by, id);
