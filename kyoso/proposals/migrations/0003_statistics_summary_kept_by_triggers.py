"""A summary of the statistics of proposals, kept exact by PostgreSQL triggers.

The yearly statistics (``kyoso.proposals.statistics``) count the submitted proposals per body
and fiscal year, and the decisions in force of answered assignments (Saga's rule: once per
deciding department) with their distinct proposing organizations. Computed from the records this
joins decisions, assignments and proposals: with a million proposals a prefecture's page read
hundreds of thousands of rows (see docs/benchmarks.md). Two summary tables hold the counts:

* ``proposals_statistics_decided``: decisions and adoptions per scope, fiscal year and proposing
  organization, once for the body itself (``own``) and once more for its parent (``not own``:
  a prefecture's municipalities together), so that distinct organizations are rows to count;
* ``proposals_statistics_received``: submitted proposals per body and fiscal year.

A prefecture's page then reads a few thousand rows instead of a few hundred thousand.

Triggers on the three tables keep it exact in the same transaction as every change, whether it
comes from the services, a queryset ``update()``, ``bulk_create`` or raw SQL (``TRUNCATE`` of the
proposals empties it too). Each trigger adds the difference its row makes, given the current state
of the other two tables: a decision counts while it is in force (not superseded, ``effective_at``
set) and its assignment is answered. ``proposals_statistics_rebuild()`` recomputes everything
from the records (run here, available to bulk loads, and run when a body moves under another
parent).

SQLite has none of this; there the statistics are computed from the records directly.
"""

from django.db import migrations

from kyoso.core.migration_operations import PostgreSQLOnly

ADOPTED = "('adopt_this_year', 'adopt_later_year', 'adopt_by_abolition')"

CREATE = """
-- Decisions in force, per scope and organization: a body's own (own = true), and the sum of the
-- bodies whose parent it is (own = false: a prefecture's municipalities together).
CREATE TABLE proposals_statistics_decided (
    scope_id bigint NOT NULL,
    own boolean NOT NULL,
    fiscal_year integer NOT NULL,
    organization_id bigint NOT NULL,
    decided integer NOT NULL DEFAULT 0,
    adopted integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scope_id, own, fiscal_year, organization_id)
);
-- Submitted proposals per body and fiscal year (for "participating bodies").
CREATE TABLE proposals_statistics_received (
    body_id bigint NOT NULL,
    fiscal_year integer NOT NULL,
    received integer NOT NULL DEFAULT 0,
    PRIMARY KEY (body_id, fiscal_year)
);

CREATE FUNCTION proposals_statistics_bump_decided(
    p_body bigint, p_year integer, p_organization bigint, d_decided integer, d_adopted integer
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    parent bigint;
BEGIN
    IF p_year IS NULL OR (d_decided = 0 AND d_adopted = 0) THEN
        RETURN;
    END IF;
    INSERT INTO proposals_statistics_decided AS s
        (scope_id, own, fiscal_year, organization_id, decided, adopted)
    VALUES (p_body, true, p_year, p_organization, d_decided, d_adopted)
    ON CONFLICT (scope_id, own, fiscal_year, organization_id) DO UPDATE SET
        decided = s.decided + EXCLUDED.decided, adopted = s.adopted + EXCLUDED.adopted;
    SELECT parent_id INTO parent FROM organizations_governmentbody WHERE id = p_body;
    IF parent IS NOT NULL THEN
        INSERT INTO proposals_statistics_decided AS s
            (scope_id, own, fiscal_year, organization_id, decided, adopted)
        VALUES (parent, false, p_year, p_organization, d_decided, d_adopted)
        ON CONFLICT (scope_id, own, fiscal_year, organization_id) DO UPDATE SET
            decided = s.decided + EXCLUDED.decided, adopted = s.adopted + EXCLUDED.adopted;
    END IF;
END $$;

CREATE FUNCTION proposals_statistics_bump_received(
    p_body bigint, p_year integer, d_received integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_year IS NULL OR d_received = 0 THEN
        RETURN;
    END IF;
    INSERT INTO proposals_statistics_received AS s (body_id, fiscal_year, received)
    VALUES (p_body, p_year, d_received)
    ON CONFLICT (body_id, fiscal_year) DO UPDATE SET received = s.received + EXCLUDED.received;
END $$;

-- The decisions in force of the answered assignments of one proposal: (decided, adopted).
CREATE FUNCTION proposals_statistics_counted(p_proposal bigint,
                                             OUT decided integer, OUT adopted integer)
LANGUAGE sql STABLE AS $$
    SELECT count(*)::integer, (count(*) FILTER (WHERE d.outcome IN {ADOPTED}))::integer
    FROM proposals_decision d JOIN proposals_assignment a ON a.id = d.assignment_id
    WHERE d.superseded_at IS NULL AND d.effective_at IS NOT NULL AND a.state = 'answered'
      AND a.proposal_id = p_proposal
$$;

CREATE FUNCTION proposals_statistics_on_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k record;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.superseded_at IS NULL
            AND OLD.effective_at IS NOT NULL THEN
        SELECT p.body_id, p.fiscal_year, p.organization_id INTO k
        FROM proposals_assignment a JOIN proposals_proposal p ON p.id = a.proposal_id
        WHERE a.id = OLD.assignment_id AND a.state = 'answered';
        IF FOUND THEN
            PERFORM proposals_statistics_bump_decided(k.body_id, k.fiscal_year,
                k.organization_id, -1, CASE WHEN OLD.outcome IN {ADOPTED} THEN -1 ELSE 0 END);
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.superseded_at IS NULL
            AND NEW.effective_at IS NOT NULL THEN
        SELECT p.body_id, p.fiscal_year, p.organization_id INTO k
        FROM proposals_assignment a JOIN proposals_proposal p ON p.id = a.proposal_id
        WHERE a.id = NEW.assignment_id AND a.state = 'answered';
        IF FOUND THEN
            PERFORM proposals_statistics_bump_decided(k.body_id, k.fiscal_year,
                k.organization_id, 1, CASE WHEN NEW.outcome IN {ADOPTED} THEN 1 ELSE 0 END);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER proposals_statistics_decision_write
    AFTER INSERT OR DELETE ON proposals_decision
    FOR EACH ROW EXECUTE FUNCTION proposals_statistics_on_decision();
CREATE TRIGGER proposals_statistics_decision_change
    AFTER UPDATE ON proposals_decision FOR EACH ROW
    WHEN (OLD.superseded_at IS DISTINCT FROM NEW.superseded_at
          OR OLD.effective_at IS DISTINCT FROM NEW.effective_at
          OR OLD.outcome IS DISTINCT FROM NEW.outcome
          OR OLD.assignment_id IS DISTINCT FROM NEW.assignment_id)
    EXECUTE FUNCTION proposals_statistics_on_decision();

-- An assignment that becomes answered (or stops being) brings its decisions in force with it.
CREATE FUNCTION proposals_statistics_on_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k record;
    c record;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'answered' THEN
        SELECT count(*)::integer AS decided,
               (count(*) FILTER (WHERE d.outcome IN {ADOPTED}))::integer AS adopted INTO c
        FROM proposals_decision d
        WHERE d.assignment_id = OLD.id AND d.superseded_at IS NULL
          AND d.effective_at IS NOT NULL;
        SELECT body_id, fiscal_year, organization_id INTO k
        FROM proposals_proposal WHERE id = OLD.proposal_id;
        IF FOUND THEN
            PERFORM proposals_statistics_bump_decided(k.body_id, k.fiscal_year,
                k.organization_id, -c.decided, -c.adopted);
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.state = 'answered' THEN
        SELECT count(*)::integer AS decided,
               (count(*) FILTER (WHERE d.outcome IN {ADOPTED}))::integer AS adopted INTO c
        FROM proposals_decision d
        WHERE d.assignment_id = NEW.id AND d.superseded_at IS NULL
          AND d.effective_at IS NOT NULL;
        SELECT body_id, fiscal_year, organization_id INTO k
        FROM proposals_proposal WHERE id = NEW.proposal_id;
        IF FOUND THEN
            PERFORM proposals_statistics_bump_decided(k.body_id, k.fiscal_year,
                k.organization_id, c.decided, c.adopted);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER proposals_statistics_assignment_write
    AFTER INSERT OR DELETE ON proposals_assignment
    FOR EACH ROW EXECUTE FUNCTION proposals_statistics_on_assignment();
CREATE TRIGGER proposals_statistics_assignment_change
    AFTER UPDATE ON proposals_assignment FOR EACH ROW
    WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.proposal_id IS DISTINCT FROM NEW.proposal_id)
    EXECUTE FUNCTION proposals_statistics_on_assignment();

-- A proposal counts as received once submitted; its decisions follow it if its key changes.
CREATE FUNCTION proposals_statistics_on_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM proposals_statistics_bump_received(OLD.body_id, OLD.fiscal_year,
            CASE WHEN OLD.submitted_at IS NOT NULL THEN -1 ELSE 0 END);
        IF TG_OP = 'DELETE' OR OLD.body_id IS DISTINCT FROM NEW.body_id
                OR OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year
                OR OLD.organization_id IS DISTINCT FROM NEW.organization_id THEN
            SELECT * INTO c FROM proposals_statistics_counted(OLD.id);
            PERFORM proposals_statistics_bump_decided(OLD.body_id, OLD.fiscal_year,
                OLD.organization_id, -c.decided, -c.adopted);
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM proposals_statistics_bump_received(NEW.body_id, NEW.fiscal_year,
            CASE WHEN NEW.submitted_at IS NOT NULL THEN 1 ELSE 0 END);
        IF TG_OP = 'UPDATE' AND (OLD.body_id IS DISTINCT FROM NEW.body_id
                OR OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year
                OR OLD.organization_id IS DISTINCT FROM NEW.organization_id) THEN
            SELECT * INTO c FROM proposals_statistics_counted(NEW.id);
            PERFORM proposals_statistics_bump_decided(NEW.body_id, NEW.fiscal_year,
                NEW.organization_id, c.decided, c.adopted);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER proposals_statistics_proposal_write
    AFTER INSERT OR DELETE ON proposals_proposal
    FOR EACH ROW EXECUTE FUNCTION proposals_statistics_on_proposal();
CREATE TRIGGER proposals_statistics_proposal_change
    AFTER UPDATE ON proposals_proposal FOR EACH ROW
    WHEN (OLD.body_id IS DISTINCT FROM NEW.body_id
          OR OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year
          OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
          OR (OLD.submitted_at IS NULL) <> (NEW.submitted_at IS NULL))
    EXECUTE FUNCTION proposals_statistics_on_proposal();

-- TRUNCATE fires no row triggers (the test runner's flush uses it): empty the summary too.
CREATE FUNCTION proposals_statistics_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE proposals_statistics_decided, proposals_statistics_received;
    RETURN NULL;
END $$;
CREATE TRIGGER proposals_statistics_truncate
    AFTER TRUNCATE ON proposals_proposal
    FOR EACH STATEMENT EXECUTE FUNCTION proposals_statistics_on_truncate();

-- Everything again from the records: after this migration, after bulk loads, and when a body
-- moves under another prefecture (rare enough to recount).
CREATE FUNCTION proposals_statistics_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE proposals_statistics_decided, proposals_statistics_received;
    INSERT INTO proposals_statistics_received (body_id, fiscal_year, received)
    SELECT body_id, fiscal_year, count(*) FROM proposals_proposal
    WHERE submitted_at IS NOT NULL AND fiscal_year IS NOT NULL
    GROUP BY body_id, fiscal_year;
    INSERT INTO proposals_statistics_decided
        (scope_id, own, fiscal_year, organization_id, decided, adopted)
    SELECT scope_id, own, fiscal_year, organization_id, count(*),
           count(*) FILTER (WHERE outcome IN {ADOPTED})
    FROM (
        SELECT CASE WHEN own THEN p.body_id ELSE b.parent_id END AS scope_id, own,
               p.fiscal_year, p.organization_id, d.outcome
        FROM proposals_decision d
        JOIN proposals_assignment a ON a.id = d.assignment_id AND a.state = 'answered'
        JOIN proposals_proposal p ON p.id = a.proposal_id
        JOIN organizations_governmentbody b ON b.id = p.body_id
        CROSS JOIN (VALUES (true), (false)) AS sides (own)
        WHERE d.superseded_at IS NULL AND d.effective_at IS NOT NULL
          AND p.fiscal_year IS NOT NULL AND (own OR b.parent_id IS NOT NULL)
    ) counted
    GROUP BY scope_id, own, fiscal_year, organization_id;
$$;

CREATE FUNCTION proposals_statistics_on_body() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM proposals_statistics_rebuild();
    RETURN NULL;
END $$;
CREATE TRIGGER proposals_statistics_body_parent
    AFTER UPDATE ON organizations_governmentbody FOR EACH ROW
    WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
    EXECUTE FUNCTION proposals_statistics_on_body();

SELECT proposals_statistics_rebuild();
""".replace("{ADOPTED}", ADOPTED)

DROP = """
DROP TRIGGER IF EXISTS proposals_statistics_body_parent ON organizations_governmentbody;
DROP TRIGGER IF EXISTS proposals_statistics_truncate ON proposals_proposal;
DROP TRIGGER IF EXISTS proposals_statistics_proposal_change ON proposals_proposal;
DROP TRIGGER IF EXISTS proposals_statistics_proposal_write ON proposals_proposal;
DROP TRIGGER IF EXISTS proposals_statistics_assignment_change ON proposals_assignment;
DROP TRIGGER IF EXISTS proposals_statistics_assignment_write ON proposals_assignment;
DROP TRIGGER IF EXISTS proposals_statistics_decision_change ON proposals_decision;
DROP TRIGGER IF EXISTS proposals_statistics_decision_write ON proposals_decision;
DROP FUNCTION IF EXISTS proposals_statistics_on_body();
DROP FUNCTION IF EXISTS proposals_statistics_rebuild();
DROP FUNCTION IF EXISTS proposals_statistics_on_truncate();
DROP FUNCTION IF EXISTS proposals_statistics_on_proposal();
DROP FUNCTION IF EXISTS proposals_statistics_on_assignment();
DROP FUNCTION IF EXISTS proposals_statistics_on_decision();
DROP FUNCTION IF EXISTS proposals_statistics_counted(bigint);
DROP FUNCTION IF EXISTS proposals_statistics_bump_received(bigint, integer, integer);
DROP FUNCTION IF EXISTS proposals_statistics_bump_decided(bigint, integer, bigint, integer,
                                                          integer);
DROP TABLE IF EXISTS proposals_statistics_decided;
DROP TABLE IF EXISTS proposals_statistics_received;
"""


class Migration(migrations.Migration):
    dependencies = [("proposals", "0002_proposal_attachments")]
    operations = [PostgreSQLOnly(CREATE, DROP)]
