/* SPDX-License-Identifier: Apache-2.0 */
#include <stdio.h>
#include "cmhello.h"

int main(void)
{
    puts(cmhello_greeting());
    return 0;
}
