#include <stdio.h>

int main(void)
{
    puts("hello from a plain Makefile");
    return 0;
}
