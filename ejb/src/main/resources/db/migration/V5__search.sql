-- Full-text search over experiments and decisions (docs/architecture.md, "Search").
--
-- Each searchable table carries one stored, generated tsvector with a GIN index. Weights: the
-- title A; the short summary and the status B (an experiment's hypothesis and owner, a decision's
-- context, chosen option and deciders); the bodies C. The 'english' configuration stems words
-- ("decided" finds "decide", "latencies" finds "latency") and drops stop words.
--
-- The query that ranks and pages over these columns is SearchService's; adding a kind of thing
-- to search (goals) is a column and an index like these plus one SearchKind constant. A decision's
-- title is indexed with its label (ADR-0007), so typing the label finds it.

ALTER TABLE experiment ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english',
           coalesce(hypothesis, '') || ' ' || owner || ' ' || status), 'B')
    || setweight(to_tsvector('english', coalesce(description, '')), 'C')
) STORED;
CREATE INDEX experiment_search_idx ON experiment USING gin (search_vector);

-- A generated column may only read its own row, so the considered options (name, description,
-- pros, cons) are copied into decision.options_text by a trigger on decision_option; the
-- generated vector reads that copy. The copy is not mapped by Hibernate and never edited.
ALTER TABLE decision ADD COLUMN options_text TEXT;

CREATE FUNCTION decision_options_text(target BIGINT) RETURNS TEXT
    LANGUAGE sql STABLE AS
$$
    SELECT string_agg(o.name || E'\n' || coalesce(o.description, '') || E'\n'
                      || coalesce(o.pros, '') || E'\n' || coalesce(o.cons, ''),
                      E'\n' ORDER BY o.position)
    FROM decision_option o
    WHERE o.decision_id = target
$$;

CREATE FUNCTION decision_option_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE decision SET options_text = decision_options_text(OLD.decision_id)
        WHERE id = OLD.decision_id
          AND options_text IS DISTINCT FROM decision_options_text(OLD.decision_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE decision SET options_text = decision_options_text(NEW.decision_id)
        WHERE id = NEW.decision_id
          AND options_text IS DISTINCT FROM decision_options_text(NEW.decision_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER decision_option_search AFTER INSERT OR UPDATE OR DELETE ON decision_option
    FOR EACH ROW EXECUTE FUNCTION decision_option_changed();

UPDATE decision SET options_text = decision_options_text(id);

ALTER TABLE decision ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english',
        'ADR-' || lpad(number::text, greatest(4, length(number::text)), '0') || ' ' || title), 'A')
    || setweight(to_tsvector('english',
           coalesce(context, '') || ' ' || coalesce(chosen_option, '') || ' '
           || coalesce(deciders, '') || ' ' || status), 'B')
    || setweight(to_tsvector('english',
           coalesce(drivers, '') || ' ' || coalesce(justification, '') || ' '
           || coalesce(consequences, '') || ' ' || coalesce(body, '') || ' '
           || coalesce(options_text, '')), 'C')
) STORED;
CREATE INDEX decision_search_idx ON decision USING gin (search_vector);
