#include <stdio.h>
#include <string.h>

#include "version.h"

int
main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "version"))
		printf("showcase %s\n", SHOWCASE_VERSION);
	return 0;
}
