-- The experiments list (ExperimentService.list, issue #2: a page over 10,000 experiments in at
-- most 50 ms) filters and sorts in the database; these indexes serve its queries as written.
--
-- Text filter: `lower(title) LIKE '%x%' OR lower(owner) LIKE … OR lower(coalesce(hypothesis, ''))
-- LIKE …` is a substring match, which a B-tree cannot serve; a GIN index of trigrams (pg_trgm)
-- can. One index per expression, exactly as the query writes it, so the planner ORs three bitmap
-- scans (the page and its count alike) instead of scanning every row. pg_trgm ships with
-- PostgreSQL and is a trusted extension (the database owner may create it); on Azure Database for
-- PostgreSQL Flexible Server it must be allow-listed in the server parameter azure.extensions
-- (terraform/modules/postgres does that; docs/deploy.md, "Database").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX experiment_title_trgm_idx ON experiment USING gin (lower(title) gin_trgm_ops)
    WITH (fastupdate = off);
CREATE INDEX experiment_owner_trgm_idx ON experiment USING gin (lower(owner) gin_trgm_ops)
    WITH (fastupdate = off);
CREATE INDEX experiment_hypothesis_trgm_idx
    ON experiment USING gin (lower(coalesce(hypothesis, '')) gin_trgm_ops) WITH (fastupdate = off);

-- Sorting: every sortable column with the id as tie-breaker, as the query orders (a B-tree is
-- read backwards for the other direction). updatedAt already has experiment_updated_idx (V1).
CREATE INDEX experiment_title_sort_idx ON experiment (lower(title), id);
CREATE INDEX experiment_owner_sort_idx ON experiment (lower(owner), id);
CREATE INDEX experiment_created_sort_idx ON experiment (created_at, id);
CREATE INDEX experiment_status_sort_idx ON experiment (status, id);
