import { ApolloLink } from '@apollo/client'
import { Observable } from 'rxjs'

/**
 * A link whose code loads on the first request that reaches it. The live quiz's WebSocket link
 * (graphql-ws) is needed by three pages only; every other page would otherwise download it.
 */
export class LazyLink extends ApolloLink {
  private link: Promise<ApolloLink> | undefined

  constructor(private readonly load: () => Promise<ApolloLink>) {
    super()
  }

  override request(operation: ApolloLink.Operation, forward: ApolloLink.ForwardFunction): Observable<ApolloLink.Result> {
    return new Observable((observer) => {
      let inner: { unsubscribe: () => void } | undefined
      let closed = false
      this.link ??= this.load()
      this.link.then((link) => {
        if (!closed)
          inner = link.request(operation, forward).subscribe(observer)
      }, (error: unknown) => observer.error(error))
      return () => {
        closed = true
        inner?.unsubscribe()
      }
    })
  }
}
