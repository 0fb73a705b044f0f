#include <stdio.h>

int main(void)
{
    puts("greetings from autotools");
    return 0;
}
