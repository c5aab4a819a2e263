#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "pool.h"
#include "util.h"

struct pool {
	size_t n;
	atomic_size_t next;
	atomic_size_t done;
	atomic_size_t failed;
	pool_fn fn;
	void *arg;
	pool_progress_fn progress;
	void *progress_arg;
	pthread_mutex_t lock;
};

static void *
worker(void *p)
{
	struct pool *pl = p;
	size_t i;

	while ((i = atomic_fetch_add(&pl->next, 1)) < pl->n) {
		if (pl->fn(pl->arg, i))
			atomic_fetch_add(&pl->failed, 1);
		size_t done = atomic_fetch_add(&pl->done, 1) + 1;

		if (pl->progress && (done % 64 == 0 || done == pl->n)) {
			pthread_mutex_lock(&pl->lock);
			pl->progress(pl->progress_arg, done, pl->n);
			pthread_mutex_unlock(&pl->lock);
		}
	}
	return NULL;
}

size_t
pool_run(size_t n, int jobs, pool_fn fn, void *arg,
	 pool_progress_fn progress, void *progress_arg)
{
	struct pool pl;
	pthread_t *tids;
	int i, started = 0;

	pl.n = n;
	atomic_init(&pl.next, 0);
	atomic_init(&pl.done, 0);
	atomic_init(&pl.failed, 0);
	pl.fn = fn;
	pl.arg = arg;
	pl.progress = progress;
	pl.progress_arg = progress_arg;
	pthread_mutex_init(&pl.lock, NULL);
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > n)
		jobs = n ? (int)n : 1;
	tids = xcalloc((size_t)jobs, sizeof(*tids));
	/* The calling thread works too; a thread that fails to start is
	 * simply one worker fewer. */
	for (i = 1; i < jobs; i++)
		if (pthread_create(&tids[started], NULL, worker, &pl) == 0)
			started++;
	worker(&pl);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	pthread_mutex_destroy(&pl.lock);
	return atomic_load(&pl.failed);
}

int
pool_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}
