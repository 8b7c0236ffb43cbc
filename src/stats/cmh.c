/* cmh.c: Cochran-Mantel-Haenszel test and Mantel-Haenszel common odds ratio for 2x2xK tables. */
#include "stats/cmh.h"

#include <math.h>
#include <string.h>

void stats_cmh_test(const stats_table *layers, int nlayers, double conf_level, stats_cmh *out)
{
	stats_init();
	memset(out, 0, sizeof *out);
	const char *why = NULL;
	for (int k = 0; k < nlayers && !why; k++)
		if (layers[k].nrow != 2 || layers[k].ncol != 2)
			why = "a layer is not 2x2";
	if (nlayers < 1)
		why = "no layers";
	/* delta = sum (a - E a), var = sum r1 r2 c1 c2 / (n^2 (n - 1)); the odds ratio's variance
	 * by Robins, Breslow and Greenland from sums over layers. */
	double delta = 0, var = 0, r = 0, s = 0, pr = 0, ps_qr = 0, qs = 0;
	for (int k = 0; k < nlayers && !why; k++) {
		const stats_table *t = &layers[k];
		double a = t->cell[0], b = t->cell[1], c = t->cell[2], d = t->cell[3];
		double n = a + b + c + d;
		if (n < 2) {
			out->layers_skipped++;
			continue;
		}
		out->layers_used++;
		double r1 = a + b, r2 = c + d, c1 = a + c, c2 = b + d;
		delta += a - r1 * c1 / n;
		var += r1 * r2 * c1 * c2 / (n * n * (n - 1));
		double rk = a * d / n, sk = b * c / n, pk = (a + d) / n, qk = (b + c) / n;
		r += rk;
		s += sk;
		pr += pk * rk;
		ps_qr += pk * sk + qk * rk;
		qs += qk * sk;
	}
	if (!why && out->layers_used == 0)
		why = "no layer has two cases";
	if (!why && !(var > 0))
		why = "variance is zero";
	if (why) {
		stats_value_na(&out->cmh, why);
		stats_value_na(&out->cmh_uncorrected, why);
		stats_value_na(&out->odds_ratio, why);
		return;
	}
	double ad = fabs(delta), yates = ad >= 0.5 ? 0.5 : 0;
	stats_value_set(&out->cmh, (ad - yates) * (ad - yates) / var);
	out->cmh.df = 1;
	out->cmh.p = stats_p_chisq(out->cmh.value, 1);
	stats_value_set(&out->cmh_uncorrected, delta * delta / var);
	out->cmh_uncorrected.df = 1;
	out->cmh_uncorrected.p = stats_p_chisq(out->cmh_uncorrected.value, 1);
	if (!(r > 0) || !(s > 0))
		return stats_value_na(&out->odds_ratio, "odds ratio is 0 or infinite");
	double or = r / s;
	double se = sqrt(pr / (2 * r * r) + ps_qr / (2 * r * s) + qs / (2 * s * s));
	double z = stats_z(conf_level);
	stats_value_set(&out->odds_ratio, or);
	out->odds_ratio.ase = se;   /* of log(odds ratio) */
	out->odds_ratio.ci_low = or * exp(-z * se);
	out->odds_ratio.ci_high = or * exp(z * se);
}
