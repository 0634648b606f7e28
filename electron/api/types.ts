import type { ApiSpec, Domain } from '../../shared/api/index.ts';
import type { ParsedArgsOf, ResultOf } from '../../shared/api/define.ts';
import type { AppContext } from './context.ts';

export type Handler<C> = (args: ParsedArgsOf<C>, ctx: AppContext) => Promise<ResultOf<C>> | ResultOf<C>;

export type DomainHandlers<D extends Domain> = { [C in keyof ApiSpec[D]]: Handler<ApiSpec[D][C]> };

export type Handlers = { [D in Domain]: DomainHandlers<D> };
