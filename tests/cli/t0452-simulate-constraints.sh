# t0452-simulate-constraints: the simulated data keep the shipped survey's constraints,
# relevance, choice filters and repeat counts.
. tests/lib.sh

run "$SURVEY" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/s.db" --seed 5 --quiet
expect_rc 0 "simulate 300 interviews"
q() { sqlite3 "$TMP/s.db" "$1"; }
a() { echo "(select value from answers b where b.uuid = a.uuid and b.path = '$1' and b.state = 'answered')"; }

expect_eq "$(q "select count(*) from answers where path = 'respondent/years_in_position'
	and state = 'answered' and (cast(value as integer) < 0 or cast(value as integer) > 50)")" 0 \
	"years_in_position is within 0..50"
expect_eq "$(q "select count(*) from answers where path = 'respondent/population'
	and state = 'answered' and (cast(value as integer) <= 0 or cast(value as integer) > 2000000)")" 0 \
	"population is within 1..2000000"
expect_eq "$(q "select count(*) from answers where path = 'respondent/municipality_name'
	and state = 'answered' and length(value) < 3")" 0 "municipality names have 3 letters or more"
expect_eq "$(q "select count(*) from answers where path = 'services/services_disrupted'
	and state = 'answered' and ' ' || value || ' ' like '% none %' and value != 'none'")" 0 \
	"'none' is never chosen with another service"
expect_eq "$(q "select count(*) from answers a where path = 'social/food_aid_households'
	and state = 'answered' and cast(value as integer) > cast($(a respondent/population) as integer)")" 0 \
	"households helped never exceed the population"
expect_eq "$(q "select count(*) from answers where path = 'respondent/interview_date'
	and state = 'answered' and value not between '2020-01-01' and '2021-12-31'")" 0 \
	"dates fall in 2020-2021"
expect_eq "$(q "select count(*) from answers a where path = 'respondent/district'
	and state = 'answered' and $(a respondent/oblast) in ('bishkek_city', 'osh_city')")" 0 \
	"no district is answered for Bishkek or Osh"
expect_eq "$(q "select count(*) from answers a where path = 'respondent/district'
	and $(a respondent/oblast) = 'chuy' and value not in
	('alamudun','jayil','kemin','moskva','panfilov','sokuluk','chuy','ysyk_ata')")" 0 \
	"districts follow the chosen oblast (Chuy)"
n=$(q "select count(*) from answers a where path = 'respondent/district' and state = 'answered'
	and $(a respondent/oblast) = 'chuy'")
[ "$n" -gt 0 ] && ok "some interviews are in Chuy ($n)" || not_ok "no interview in Chuy"
# partner instances: exactly n_partners of them (answered) when n_partners is answered
bad=$(q "select count(*) from answers a where path = 'social/n_partners' and state = 'answered'
	and cast(value as integer) != (select count(*) from answers p where p.uuid = a.uuid
	and p.path like 'social/partners[%]/partner_type' and p.state != 'skipped')
	and a.uuid in (select uuid from interviews where status = 'complete')")
expect_eq "$bad" 0 "complete interviews have as many partners as n_partners says"
expect_eq "$(q "select count(*) from answers a where path = 'budget/revenue_loss_pct'
	and state = 'answered' and coalesce($(a budget/revenue_loss), '') != 'yes'")" 0 \
	"revenue_loss_pct is only answered when revenue fell"
incomplete=$(q "select count(*) from interviews i where status = 'complete' and exists (
	select 1 from answers a where a.uuid = i.uuid and a.path = 'respondent/oblast'
	and a.value is null and a.state = 'answered')")
expect_eq "$incomplete" 0 "required questions of complete interviews are answered"

done_testing
