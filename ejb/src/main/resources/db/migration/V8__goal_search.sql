-- Goals join the full-text search (docs/architecture.md D13), the way V5 made decisions
-- searchable: a stored generated tsvector with a GIN index, the same 'english' configuration and
-- weights. Title A; description and kind B (the kind plays the part of a status: 'success' finds
-- success goals); the checklist C (each item's text and its done-by-hand note).
--
-- A generated column may only read its own row, so a trigger on goal_item keeps a copy of the
-- checklist's text in goal.items_text (not mapped by Hibernate, never edited), which the vector
-- reads; one vector per goal keeps `-word` exact across all of a goal's text. SearchKind.GOAL is
-- the query side.

ALTER TABLE goal ADD COLUMN items_text TEXT;

CREATE FUNCTION goal_items_text(target BIGINT) RETURNS TEXT
    LANGUAGE sql STABLE AS
$$
    SELECT string_agg(i.text || E'\n' || coalesce(i.done_note, ''), E'\n' ORDER BY i.position)
    FROM goal_item i
    WHERE i.goal_id = target
$$;

CREATE FUNCTION goal_item_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE goal SET items_text = goal_items_text(OLD.goal_id)
        WHERE id = OLD.goal_id
          AND items_text IS DISTINCT FROM goal_items_text(OLD.goal_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE goal SET items_text = goal_items_text(NEW.goal_id)
        WHERE id = NEW.goal_id
          AND items_text IS DISTINCT FROM goal_items_text(NEW.goal_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER goal_item_search AFTER INSERT OR UPDATE OR DELETE ON goal_item
    FOR EACH ROW EXECUTE FUNCTION goal_item_changed();

UPDATE goal SET items_text = goal_items_text(id);

ALTER TABLE goal ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', coalesce(description, '') || ' ' || kind), 'B')
    || setweight(to_tsvector('english', coalesce(items_text, '')), 'C')
) STORED;
CREATE INDEX goal_search_idx ON goal USING gin (search_vector);
