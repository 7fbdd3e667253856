-- A team's position in its program is unique (issue 9): two teams added at once could both take the
-- count of teams before them as their position. Renumber any such ties in the order they were listed
-- (position, then creation), then let the key refuse them: createTeam tries again after the new last.
UPDATE teams SET position = ranked.n
  FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY program_id ORDER BY position, created_at, id) - 1 AS n
      FROM teams
  ) AS ranked
  WHERE teams.id = ranked.id AND teams.position <> ranked.n;
DROP INDEX teams_program;
CREATE UNIQUE INDEX teams_program ON teams(program_id, position);
