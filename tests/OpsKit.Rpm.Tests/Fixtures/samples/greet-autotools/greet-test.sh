#!/bin/sh
./greet | grep -q greetings
