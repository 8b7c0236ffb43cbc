/* input.c: reading keys for the UI — bracketed paste, escape sequences curses does not know,
 * and input bursts. Everything curses has already received is read into a queue at once, so
 * that the keys of one burst (one write by the terminal) can be told from keys typed later. */
#include "ui/input.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ui/curses.h"

#define QMAX 4096
#define SEQ_WAIT_MS 30      /* the rest of an escape sequence after its ESC */
#define PASTE_WAIT_MS 2000  /* a paste whose end marker never comes ends after this silence */

struct raw {
	int fkey;
	wint_t ch;
	int burst;
};

static struct raw q[QMAX];
static int qhead, qlen;
static int cut_burst;   /* the last fill stopped at a full queue: the burst goes on */
static wchar_t paste[UI_PASTE_MAX + 1];

/* ---- bracketed paste on and off --------------------------------------------------------- */

static const char PASTE_ON[] = "\033[?2004h", PASTE_OFF[] = "\033[?2004l";
static struct sigaction old_tstp, old_term, old_hup;

static void put(const char *s, size_t n)
{
	ssize_t w = write(STDOUT_FILENO, s, n);
	(void)w;
}

static void chain(int sig, const struct sigaction *old)
{
	if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN &&
	    !(old->sa_flags & SA_SIGINFO)) {
		old->sa_handler(sig);
	} else if (old->sa_handler == SIG_DFL) {
		/* delivered again when this handler returns: the default action */
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

static volatile sig_atomic_t ended_by;   /* SIGTERM or SIGHUP received, not yet handled */

static void on_signal(int sig)
{
	if (sig != SIGTSTP) {
		/* the main loop saves what was typed and ends (ui_input_ended): the read that
		 * waits for a key is interrupted (no SA_RESTART) */
		ended_by = sig;
		return;
	}
	put(PASTE_OFF, sizeof PASTE_OFF - 1);
	chain(sig, &old_tstp);   /* curses' handler: returns after SIGCONT */
	put(PASTE_ON, sizeof PASTE_ON - 1);
}

int ui_input_ended(void)
{
	return ended_by;
}

void ui_input_reraise(int sig)
{
	/* as the signal would have done: curses' handler (it ends curses) or the default */
	chain(sig, sig == SIGTERM ? &old_term : &old_hup);
}

static void wrap(int sig, struct sigaction *old)
{
	struct sigaction sa;
	if (sigaction(sig, NULL, old) || old->sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = sig == SIGTSTP ? SA_RESTART : 0;
	sigaction(sig, &sa, NULL);
}

void ui_input_start(void)
{
	put(PASTE_ON, sizeof PASTE_ON - 1);
	wrap(SIGTSTP, &old_tstp);
	wrap(SIGTERM, &old_term);
	wrap(SIGHUP, &old_hup);
}

void ui_input_stop(void)
{
	sigaction(SIGTSTP, &old_tstp, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	put(PASTE_OFF, sizeof PASTE_OFF - 1);
}

/* ---- the queue -------------------------------------------------------------------------- */

static void push(int fkey, wint_t ch, int burst)
{
	int i = (qhead + qlen) % QMAX;
	q[i].fkey = fkey;
	q[i].ch = ch;
	q[i].burst = burst;
	qlen++;
}

/* Wait up to ms (-1: for ever) for a key, then take everything curses has at once.
 * Returns 0 when nothing came. */
static int fill(int ms)
{
	wint_t c;
	timeout(ms);
	int r = get_wch(&c);
	if (r == ERR) {
		timeout(-1);
		return 0;
	}
	push(r == KEY_CODE_YES, c, cut_burst);
	timeout(0);
	while (qlen < QMAX && (r = get_wch(&c)) != ERR)
		push(r == KEY_CODE_YES, c, 1);
	cut_burst = qlen == QMAX;
	timeout(-1);
	return 1;
}

/* The next raw key without taking it; waits up to ms when the queue is empty. NULL: none. */
static const struct raw *peek(int ms)
{
	if (qlen == 0 && !fill(ms))
		return NULL;
	return &q[qhead];
}

static struct raw take(void)
{
	struct raw r = q[qhead];
	qhead = (qhead + 1) % QMAX;
	qlen--;
	return r;
}

/* ---- escape sequences ------------------------------------------------------------------- */

enum esc { ESC_KEY, ESC_DROP, ESC_PASTE_START, ESC_PASTE_END };

/* The arrows, Home and End: the final letter of CSI A or SS3 A. 0 when c is none of them. */
static int letter_key(wint_t c, wint_t *code)
{
	static const char letters[] = "ABCDHF";
	static const int keys[] = { KEY_UP, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END };
	const char *p = c && c < 0x80 ? strchr(letters, (int)c) : NULL;
	if (!p)
		return 0;
	*code = (wint_t)keys[p - letters];
	return 1;
}

/* CSI parameters and final byte -> a key (xterm, PuTTY, rxvt, the Linux console). */
static enum esc csi_key(const char *par, int fin, int *fkey, wint_t *code)
{
	*fkey = 1;
	if (fin == '~') {
		static const int tilde[25] = {
			[1] = KEY_HOME, [2] = KEY_IC, [3] = KEY_DC, [4] = KEY_END, [5] = KEY_PPAGE,
			[6] = KEY_NPAGE, [7] = KEY_HOME, [8] = KEY_END,
			[11] = KEY_F(1), [12] = KEY_F(2), [13] = KEY_F(3), [14] = KEY_F(4),
			[15] = KEY_F(5), [17] = KEY_F(6), [18] = KEY_F(7), [19] = KEY_F(8),
			[20] = KEY_F(9), [21] = KEY_F(10), [23] = KEY_F(11), [24] = KEY_F(12),
		};
		if (strcmp(par, "200") == 0)
			return ESC_PASTE_START;
		if (strcmp(par, "201") == 0)
			return ESC_PASTE_END;
		if (strlen(par) < 1 || strlen(par) > 2 || strspn(par, "0123456789") != strlen(par))
			return ESC_DROP;
		int n = (par[0] - '0') * (par[1] ? 10 : 1) + (par[1] ? par[1] - '0' : 0);
		if (n >= 25 || !tilde[n])
			return ESC_DROP;
		*code = (wint_t)tilde[n];
		return ESC_KEY;
	}
	if (*par && strcmp(par, "1") != 0)
		return ESC_DROP;   /* with a modifier (Shift, Ctrl, Alt): no such key here */
	if (fin == 'Z') {
		*code = KEY_BTAB;
		return ESC_KEY;
	}
	return letter_key((wint_t)fin, code) ? ESC_KEY : ESC_DROP;
}

/* After an ESC was taken: read the rest of its sequence. ESC_KEY with the key it stands for
 * (ESC itself when nothing came with it), ESC_DROP for one no key here has. */
static enum esc escape(int *fkey, wint_t *code)
{
	/* curses has waited ESCDELAY for the rest of a sequence: what has not come is not one */
	int waited = qlen == 0;
	const struct raw *r = peek(0);
	*fkey = 0;
	*code = 27;
	/* nothing with it, typed later, a control (ESC ESC) or a key curses knows: Esc alone */
	if (!r || (!waited && !r->burst) || r->fkey || r->ch < 0x20 || r->ch == 0x7f)
		return ESC_KEY;
	wint_t c = take().ch;
	if (c == 'O') {
		r = peek(SEQ_WAIT_MS);
		if (!r || r->fkey)
			return ESC_DROP;
		c = take().ch;
		*fkey = 1;
		if (letter_key(c, code))
			return ESC_KEY;
		if (c >= 'P' && c <= 'S') {
			*code = (wint_t)KEY_F(1 + (int)(c - 'P'));
			return ESC_KEY;
		}
		if (c == 'M') {          /* the keypad's Enter */
			*fkey = 0;
			*code = '\r';
			return ESC_KEY;
		}
		return ESC_DROP;
	}
	if (c != '[')
		return ESC_DROP;        /* Alt + a character */
	char par[17];
	size_t np = 0;
	for (int n = 0; n < 64; n++) {
		r = peek(SEQ_WAIT_MS);
		if (!r || r->fkey || r->ch < 0x20 || r->ch > 0x7e)
			return ESC_DROP;     /* cut short: what came is dropped, the rest is a key */
		c = take().ch;
		if (c >= 0x30 && c <= 0x3f) {
			if (np < sizeof par - 1)
				par[np++] = (char)c;
		} else if (c >= 0x40) {
			par[np] = '\0';
			return np < sizeof par - 1 ? csi_key(par, (int)c, fkey, code) : ESC_DROP;
		}
	}
	return ESC_DROP;
}

/* ---- reading ---------------------------------------------------------------------------- */

/* After ESC[200~: the text up to ESC[201~ (or a long silence). */
static void read_paste(struct ui_in *ev)
{
	size_t n = 0;
	int cr = 0;
	for (;;) {
		if (!peek(PASTE_WAIT_MS))
			break;
		struct raw r = take();
		wint_t c = r.ch;
		if (!r.fkey && c == 27) {
			int fk;
			wint_t code;
			if (escape(&fk, &code) == ESC_PASTE_END)
				break;
			continue;   /* another sequence inside a paste is dropped */
		}
		if (r.fkey) {
			if (c != KEY_ENTER)
				continue;
			c = '\n';
		}
		if (c == '\n' && cr) {
			cr = 0;
			continue;   /* CR LF */
		}
		cr = c == '\r';
		if (c == '\r')
			c = '\n';
		if (n < UI_PASTE_MAX)
			paste[n++] = (wchar_t)c;
	}
	paste[n] = 0;
	ev->kind = UI_IN_PASTE;
	ev->text = paste;
	ev->len = n;
}

int ui_input_read(struct ui_in *ev)
{
	memset(ev, 0, sizeof *ev);
	for (;;) {
		if (ended_by || !peek(-1))
			return -1;
		struct raw r = take();
		if (r.fkey || r.ch != 27) {
			ev->kind = UI_IN_KEY;
			ev->fkey = r.fkey;
			ev->code = r.ch;
			ev->burst = r.burst;
			ev->more = qlen > 0 && q[qhead].burst;
			return 0;
		}
		int fkey;
		wint_t code;
		switch (escape(&fkey, &code)) {
		case ESC_KEY:
			ev->kind = UI_IN_KEY;
			ev->fkey = fkey;
			ev->code = code;
			ev->burst = r.burst;
			ev->more = qlen > 0 && q[qhead].burst;
			return 0;
		case ESC_PASTE_START:
			read_paste(ev);
			return 0;
		case ESC_DROP:
		case ESC_PASTE_END:
			break;
		}
	}
}
