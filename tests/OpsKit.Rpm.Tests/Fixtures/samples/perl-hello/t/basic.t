use strict;
use warnings;
use Test::More tests => 1;
use Acme::OpsHello;
is(Acme::OpsHello::greeting(), 'hello from perl');
