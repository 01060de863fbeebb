-- History of goals and their checklist items (docs/architecture.md D16), as V3 did for
-- experiments and decisions: one `<table>_aud` per audited entity with the entity's audited
-- columns, all nullable but the keys, plus `rev` and `revtype`. SchemaMappingTest validates the
-- Envers mapping against these tables.
--
-- Not recorded: goal.updated_at and goal.version (bookkeeping), and the goal's list of items (each
-- item has its own history, shown in its goal's timeline through goal_id).

CREATE TABLE goal_aud (
    id          BIGINT   NOT NULL,
    rev         BIGINT   NOT NULL REFERENCES revision (id),
    revtype     SMALLINT,
    title       VARCHAR(200),
    description VARCHAR(20000),
    kind        VARCHAR(10),
    target_date DATE,
    created_at  TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
CREATE INDEX goal_aud_rev_idx ON goal_aud (rev);

-- A checklist item: its goal (the owner: the goal's timeline reads this index), its place, text,
-- proof (a decision or an experiment, by id) and whether it was done by hand.
CREATE TABLE goal_item_aud (
    id            BIGINT   NOT NULL,
    rev           BIGINT   NOT NULL REFERENCES revision (id),
    revtype       SMALLINT,
    goal_id       BIGINT,
    position      INTEGER,
    text          VARCHAR(500),
    decision_id   BIGINT,
    experiment_id BIGINT,
    proven_at     TIMESTAMPTZ,
    done_at       TIMESTAMPTZ,
    done_note     VARCHAR(2000),
    PRIMARY KEY (id, rev)
);
CREATE INDEX goal_item_aud_rev_idx ON goal_item_aud (rev);
CREATE INDEX goal_item_aud_goal_idx ON goal_item_aud (goal_id);

-- Goals written before their history began get one revision with their state now, as a change
-- (revtype 1, shown as "first recorded"), so later changes diff against it. No goals, no revision.
INSERT INTO revision (changed_at, changed_by)
SELECT now(), 'system'
WHERE EXISTS (SELECT 1 FROM goal);

INSERT INTO goal_aud (id, rev, revtype, title, description, kind, target_date, created_at)
SELECT id, (SELECT max(id) FROM revision), 1, title, description, kind, target_date, created_at
FROM goal;
INSERT INTO goal_item_aud (id, rev, revtype, goal_id, position, text, decision_id, experiment_id,
    proven_at, done_at, done_note)
SELECT id, (SELECT max(id) FROM revision), 1, goal_id, position, text, decision_id, experiment_id,
    proven_at, done_at, done_note
FROM goal_item;

-- Append-only, like every history table (history_is_append_only() is V3's).
CREATE TRIGGER goal_aud_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON goal_aud
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
CREATE TRIGGER goal_item_aud_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON goal_item_aud
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
