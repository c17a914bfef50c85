/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The PXE boot menu (see usr/pxemenu.h). Its items and prompt are read
 * from the device's last DHCP messages as received (the ProxyDHCP answer
 * first, net/pxebs.h), through the option 43 parser; the menu
 * itself is an ordinary console menu (usr/menu_ui.h) whose labels are the
 * items' boot server types, so no second list of items is kept.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/pxebs.h>
#include <usr/jobwait.h>
#include <usr/menu_ui.h>
#include <usr/pxemenu.h>
#include <wireboot/errfile.h>
#include <wireboot/keys.h>
#include <wireboot/timer.h>

#define ERRFILE ERRFILE_pxemenu

#define PXE_PROMPT_FOREVER 255

bool pxe_menu_offered(struct net_device *netdev)
{
	uint8_t vendor[1024];
	struct pxe_options pxe;

	return pxebs_last_options(netdev, vendor, sizeof(vendor), &pxe) &&
	       pxe.menu_len > 0;
}

/*
 * The prompt, counting down its timeout: true when F8 asks for the menu
 * (as other PXE clients do; other keys are ignored), false when the
 * timeout passes; Esc or Ctrl-C set *rc.
 */
static bool prompt_wants_menu(const struct pxe_options *pxe, int *rc)
{
	bool forever = pxe->prompt_timeout == PXE_PROMPT_FOREVER;
	uint64_t timeout_us = pxe->prompt_timeout * 1000000ULL;
	uint64_t start = monotonic_us(), elapsed;
	unsigned shown = 0, left;
	int key;

	*rc = 0;
	if (!timeout_us)
		return false;
	if (forever)
		printf("%.*s\n", (int)pxe->prompt_len, pxe->prompt);
	for (;;) {
		elapsed = monotonic_us() - start;
		if (!forever && elapsed >= timeout_us)
			break;
		left = (unsigned)((timeout_us - elapsed + 999999) / 1000000);
		if (!forever && left != shown) {
			printf("\r%.*s (%u) ", (int)pxe->prompt_len, pxe->prompt,
			       left);
			shown = left;
		}
		key = key_wait(forever ? 0 : timeout_us - elapsed);
		if (key == KEY_F(8)) {
			printf("\n");
			return true;
		}
		if (key == KEY_ESC || key == KEY_CTRL('c')) {
			printf("\n");
			*rc = -EUNIQ(ECANCELED, 1);
			return false;
		}
		/* An ignored key (or an input at its end): a pause, so that
		 * one repeating does not keep the loop from the network. */
		if (key >= 0 && wait_us(10000) != 0) {
			*rc = -EUNIQ(ECANCELED, 5);
			return false;
		}
	}
	printf("\n");
	return false;
}

static int show_menu(const struct pxe_options *pxe, uint16_t *type)
{
	struct pxe_menu_item item;
	struct menu_item *chosen;
	struct menu *menu;
	char label[8], *text;
	unsigned i;
	int rc = 0;

	menu = menu_create("pxebs", "PXE boot menu");
	if (!menu)
		return -EUNIQ(ENOMEM, 2);
	for (i = 0; rc == 0 && pxe_menu_item(pxe, i, &item) == 0; i++) {
		snprintf(label, sizeof(label), "%u", item.type);
		text = strndup(item.text, item.text_len);
		rc = text ? menu_add_item(menu, label, text, 0, i == 0)
			  : -EUNIQ(ENOMEM, 3);
		free(text);
	}
	if (rc == 0)
		rc = menu_show(menu, NULL, 0, 0, &chosen);
	if (rc == 0)
		*type = (uint16_t)strtoul(chosen->label, NULL, 10);
	menu_destroy(menu);
	return rc;
}

int pxe_menu_choose(struct net_device *netdev, uint16_t *type)
{
	uint8_t vendor[1024];
	struct pxe_options pxe;
	struct pxe_menu_item first;
	int rc;

	if (!pxebs_last_options(netdev, vendor, sizeof(vendor), &pxe) ||
	    pxe_menu_item(&pxe, 0, &first) != 0)
		return -EUNIQ(ENOENT, 4);
	if (pxe.has_prompt && !prompt_wants_menu(&pxe, &rc)) {
		if (rc)
			return rc;
		printf("%.*s\n", (int)first.text_len, first.text);
		*type = first.type;
		return 0;
	}
	return show_menu(&pxe, type);
}
